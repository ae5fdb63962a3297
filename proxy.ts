import { type NextRequest, NextResponse } from "next/server";
import { assertSameOrigin } from "@/lib/http/same-origin";

// Convenience only: sends visitors without a session cookie to the sign-in page.
// Authorization happens in every page and server action (lib/auth/session.ts).
// Two refusals happen here because Next.js would otherwise answer them with a
// bare 500: a server action posted from another site (Next.js's own origin
// check throws), and a NUL byte in the address (PostgreSQL text cannot hold it).
export function proxy(request: NextRequest) {
  if (/%00/.test(request.nextUrl.pathname + request.nextUrl.search))
    return new NextResponse("The address contains a NUL character.", { status: 400 });
  if (request.method === "POST" && request.headers.has("next-action")) {
    try {
      assertSameOrigin(request.headers);
    } catch (error) {
      return new NextResponse((error as Error).message, { status: 403 });
    }
  }
  const path = request.nextUrl.pathname;
  // Setup is for a server with no one to sign in yet (the page itself refuses once set up).
  if (path === "/sign-in" || path === "/setup" || path.startsWith("/api/auth")) return NextResponse.next();
  // The customer's page: no session, the link is the key (lib/portal checks it on every request).
  if (path.startsWith("/p/")) return NextResponse.next();
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

// api/v1 and api/docs are left out: the public API authenticates by bearer token
// (lib/api), and its reference page is public. api/imports is left out: a proxy buffers request bodies only up to 10 MB, and
// uploads stream larger files; that route handler checks the session, origin and address itself.
// api/inbound is left out: mail providers post replies there, authenticated by their own
// signature or credentials (lib/inbound/webhook-route.ts), never by a session.
// api/bulk-sends/ is left out: a JSON route polled by the worklist every few seconds,
// whose defineRoute refuses a missing session with a JSON 401 (a redirect to the
// sign-in page is no answer for fetch) and checks the address and origin itself;
// the proxy's own run was a measurable share of that small request (issue 28).
export const config = {
  matcher: ["/((?!api/imports|api/inbound/|api/v1/|api/docs|api/bulk-sends/|_next/|favicon.ico|logo.svg).*)"],
};
