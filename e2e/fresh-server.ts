import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { Client } from "pg";
import { databaseUrl } from "@/lib/db/embedded";

// A brand-new Dunning Desk on an empty database, started the way an adopter
// starts it: `npm start` (scripts/start.ts) with DATABASE_URL. It migrates,
// finds no organization, prints the one-time setup code, and serves.

export interface FreshServer {
  url: string;
  /** The setup code as npm start printed it. */
  code: string;
  /** Everything npm start printed, for failure messages. */
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startFreshServer(): Promise<FreshServer> {
  const owner = process.env.E2E_OWNER_DATABASE_URL;
  if (!owner) throw new Error("E2E_OWNER_DATABASE_URL is not set: run the browser tests through `npm test`.");
  const name = `dd_adopt_${process.pid}_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: databaseUrl(owner, "postgres") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  await admin.end();

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(owner, name),
      AUTH_SECRET: "first-run-secret-first-run-secret-first",
      PORT: String(port),
      DUNNING_DEMO: "",
      WORKER_HEALTH_PORT: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    detached: true, // its own process group: stop() ends next start and the worker with it
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const code = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no setup code in 180 s:\n${output}`)), 180_000);
    const check = () => {
      const match = /One-time setup code: ([A-Z2-9-]{19})/.exec(output);
      if (match && output.includes("Dunning Desk is running")) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (exit) => reject(new Error(`npm start exited (${exit}):\n${output}`)));
  });
  return {
    url: `http://localhost:${port}`,
    code,
    output: () => output,
    stop: async () => {
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, "SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
      const c = new Client({ connectionString: databaseUrl(owner, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
      await c.end();
    },
  };
}
