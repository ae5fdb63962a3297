import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { databaseUrl, startEmbeddedPostgres } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrations";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL server for tests: the server behind TEST_DATABASE_SERVER_URL or
 * DATABASE_URL when given (only throwaway databases are created on it), else a
 * fresh embedded server in a temporary directory, deleted afterwards.
 */
export async function startTestServer(): Promise<TestServer> {
  const given = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
  if (given) return { serverUrl: databaseUrl(given, "postgres"), stop: async () => {} };
  const base = mkdtempSync(path.join(os.tmpdir(), "dunning-test-"));
  chmodSync(base, 0o755); // as root, initdb runs as the postgres user, who must enter it
  const dataDir = path.join(base, "pg");
  const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false });
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Creates a uniquely named database on the server and migrates it. */
export async function createMigratedDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();
  const url = databaseUrl(serverUrl, name);
  await applyMigrations(url);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}
