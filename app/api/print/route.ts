import { NextResponse } from "next/server";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { printJobView, startPrintJob } from "@/lib/documents/print-todays-letters";
import { errorResponse, routeUser } from "@/lib/http/route-auth";
import { clockNow, isDateOnly, todayIn } from "@/lib/time/dates";

// Starts "print today's letters" (or another day's); the client polls /api/print/{id} for progress.
export async function POST(request: Request) {
  try {
    const user = await routeUser(WORKING_ROLES);
    const day = new URL(request.url).searchParams.get("day");
    const job = startPrintJob(db(), { orgId: user.orgId, timeZone: user.timeZone, day: day && isDateOnly(day) ? day : todayIn(user.timeZone, clockNow()) });
    return NextResponse.json(printJobView(job), { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
