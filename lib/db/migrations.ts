import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { runMigrations } from "graphile-worker";
import { jobQueueLogger } from "./job-queue-logger";
import { withSchemaEngine } from "./schema-engine";

const root = process.cwd();
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");
const lockPath = path.join(migrationsDir, "migration_lock.toml");
const filters = { externalTables: [], externalEnums: [] };

async function migrationsList() {
  const names = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/** Applies pending migrations and records them in _prisma_migrations, as `prisma migrate deploy` does. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const schema = await readFile(schemaPath, "utf8");
  return withSchemaEngine(connectionString, [[schemaPath, schema]], async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: await migrationsList(), filters });
    return out.appliedMigrationNames;
  }).then(async (applied) => {
    await installJobQueue(connectionString);
    return applied;
  });
}

// The job queue's own schema (graphile_worker), created or upgraded with the app's:
// it belongs to the database, so lib/db installs it without importing lib/jobs.
async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: jobQueueLogger });
}

/**
 * Writes a new migration: the SQL that turns the schema as of the last
 * migration (kept in prisma/migrations/schema.snapshot.prisma) into the current
 * schema.prisma. Diffing against the migrations folder itself needs a shadow
 * database, which the WebAssembly engine cannot do yet.
 */
export async function createMigration(connectionString: string, name: string): Promise<string | null> {
  const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
  const current = await readFile(schemaPath, "utf8");
  const previous = existsSync(snapshotPath) ? await readFile(snapshotPath, "utf8") : null;
  const sql = await withSchemaEngine(connectionString, [[schemaPath, current]], async (engine) => {
    const from = previous
      ? { tag: "schemaDatamodel" as const, files: [{ path: snapshotPath, content: previous }] }
      : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: current }] },
      script: true,
      exitCode: null,
      filters,
    });
    return (result as { stdout?: string }).stdout ?? "";
  });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) return null;
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "migration.sql"), sql);
  await writeFile(snapshotPath, current);
  if (!existsSync(lockPath)) await writeFile(lockPath, 'provider = "postgresql"\n');
  return dir;
}
