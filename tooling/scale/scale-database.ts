import { Client } from "pg";
import { databaseUrl, startEmbeddedPostgres } from "@/lib/db/embedded";
import { LOCAL_DATA_DIR, LOCAL_DB_NAME, LOCAL_PORT } from "@/lib/db/local-database";
import { type ScaleSize, scaleDatabaseName } from "./scale-sizes";

export interface ScaleDatabase {
  url: string;
  name: string;
  stop(): Promise<void>;
}

/**
 * The scale data set's own database, on DATABASE_URL's server when set or else
 * on the embedded server under .data/: never the demo database itself.
 * `recreate` drops it first so a generation starts from nothing.
 */
export async function openScaleDatabase(size: ScaleSize, opts: { recreate?: boolean } = {}): Promise<ScaleDatabase> {
  const name = scaleDatabaseName(size);
  const given = process.env.DATABASE_URL;
  const server = given
    ? { serverUrl: databaseUrl(given, "postgres"), stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: LOCAL_DATA_DIR, port: LOCAL_PORT });
  const admin = new Client({ connectionString: server.serverUrl });
  await admin.connect();
  try {
    const ident = admin.escapeIdentifier(name);
    if (opts.recreate) await admin.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount && !opts.recreate) {
      throw new Error(`No scale database ${name}: create it with \`npm run db:seed -- --scale ${size.label}\`.`);
    }
    if (!rowCount) await admin.query(`CREATE DATABASE ${ident}`);
  } finally {
    await admin.end();
  }
  return { url: databaseUrl(server.serverUrl, name), name, stop: server.stop };
}

/** Refuses anything but a scale database: benchmarks write letters and must never touch demo or real data. */
export function assertScaleDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (name === LOCAL_DB_NAME || !name.startsWith("dunning_desk_scale_")) {
    throw new Error(`Refusing to run on database "${name}": only dunning_desk_scale_* databases are for benchmarks.`);
  }
}
