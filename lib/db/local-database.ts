import path from "node:path";
import { Client } from "pg";
import { databaseUrl, startEmbeddedPostgres } from "./embedded";

export const LOCAL_DATA_DIR = path.resolve(".data/pg");
export const LOCAL_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 5439);
export const LOCAL_DB_NAME = "dunning_desk";

export interface AppDatabase {
  url: string;
  /** True when running on the embedded demo server (no DATABASE_URL given). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded server under .data/, started if needed. */
export async function openAppDatabase(log?: (line: string) => void): Promise<AppDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: LOCAL_DATA_DIR, port: LOCAL_PORT, log });
  await ensureDatabase(server.serverUrl, LOCAL_DB_NAME);
  return { url: databaseUrl(server.serverUrl, LOCAL_DB_NAME), embedded: true, stop: server.stop };
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}
