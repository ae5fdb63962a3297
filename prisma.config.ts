import { defineConfig } from "prisma/config";

// Migrations are applied by scripts/db-migrate.ts (Prisma's schema engine as
// WebAssembly); `prisma migrate deploy` reads the same folder where Prisma's
// native engine is available.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/dunning_desk" },
});
