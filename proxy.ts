import { NextResponse, type NextRequest } from "next/server";

// Convenience only: sends visitors without a session cookie to the sign-in page.
// Authorization happens in every page and server action (lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession) return NextResponse.redirect(new URL("/sign-in", request.url));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!sign-in|api/auth|_next/|favicon.ico|logo.svg).*)"],
};
