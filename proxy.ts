import { type NextRequest, NextResponse } from "next/server";

// Convenience only: sends visitors without a session cookie to the sign-in page.
// Authorization happens in every page and server action (lib/auth/session.ts).
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"));
  if (!hasSession) {
    // Remember the page that asked, so sign-in can return to it (checked again there).
    const target = new URL("/sign-in", request.url);
    const asked = `${request.nextUrl.pathname}${request.nextUrl.search}`;
    if (asked !== "/" && request.method === "GET") target.searchParams.set("next", asked);
    return NextResponse.redirect(target);
  }
  return NextResponse.next();
}

// api/imports is left out: a proxy buffers request bodies only up to 10 MB, and
// uploads stream larger files; that route handler checks the session itself.
export const config = {
  matcher: ["/((?!sign-in|api/auth|api/imports|_next/|favicon.ico|logo.svg).*)"],
};
