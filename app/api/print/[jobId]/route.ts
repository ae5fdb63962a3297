import { NextResponse } from "next/server";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { getPrintJob, printJobView } from "@/lib/documents/print-todays-letters";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse, routeUser } from "@/lib/http/route-auth";

export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  try {
    const user = await routeUser(WORKING_ROLES);
    const job = getPrintJob({ orgId: user.orgId, id: (await params).jobId });
    if (!job) throw new AppError("NOT_FOUND", "That print run has expired. Start it again.");
    return NextResponse.json(printJobView(job), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
