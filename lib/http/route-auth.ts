import { NextResponse } from "next/server";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

/** Route handlers are public URLs: each checks the session and role itself, like a server action (performAction). */
export async function routeUser(roles: Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to download this.");
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError)
    return NextResponse.json({ error: error.message, code: error.code }, { status: error.status });
  console.error("Route failed", error);
  return NextResponse.json({ error: "Something went wrong on our side.", code: "INTERNAL" }, { status: 500 });
}

export function pdfResponse(
  pdf: Uint8Array,
  filename: string,
  disposition: "inline" | "attachment" = "attachment",
): Response {
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
