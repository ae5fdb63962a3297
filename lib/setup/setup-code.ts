import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// The one-time code that proves the person setting up a fresh server can read
// its console (or its data directory): without it, whoever reached the URL
// first would own the server. Only the code's SHA-256 is stored.

/** Where `npm start` writes the code: readable by the process owner only. */
export const SETUP_CODE_FILE = path.resolve(".data/setup-code");
// No 0/O, 1/I/L: read off a console and typed by hand. 16 of 31 symbols ≈ 79 bits.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
/** Wrong guesses before the code locks; each further wrong guess doubles the wait. */
export const SETUP_FREE_GUESSES = 5;
const LOCK_MS = 15 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest();
/** As typed: case, spaces and dashes do not matter. */
export const normalizeSetupCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

/**
 * A fresh code for a server with no organization (replacing any earlier one,
 * and its failed guesses), or null when the server is already set up.
 */
export async function issueSetupCode(db: DbOrTx): Promise<string | null> {
  if ((await db.organization.count()) > 0) return null;
  const raw = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  const code = raw.match(/.{4}/g)!.join("-");
  const codeSha256 = sha256(raw).toString("hex");
  await db.setupCode.upsert({
    where: { id: 1 },
    create: { id: 1, codeSha256 },
    update: { codeSha256, failedAttempts: 0, lockedUntil: null, createdAt: new Date() },
  });
  return code;
}

export function writeSetupCodeFile(code: string, file = SETUP_CODE_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${code}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // the mode above applies only when the file is new
}

/** Serializes every way of creating the first organization (web setup, `npm run setup`). */
export const lockSetup = (tx: DbOrTx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dunning-desk-setup'))`;

/**
 * Checks the code against the stored hash in constant time, in the caller's
 * transaction with the row locked. A wrong code counts against the limit;
 * the caller must commit that count even though this throws (checkSetupCode
 * below runs it in a transaction of its own for that reason).
 */
export async function verifySetupCodeIn(tx: DbOrTx, opts: { code: string; now: Date }): Promise<void> {
  const [row] = await tx.$queryRaw<{ code_sha256: string; failed_attempts: number; locked_until: Date | null }[]>`
    SELECT code_sha256, failed_attempts, locked_until FROM setup_codes WHERE id = 1 FOR UPDATE`;
  if (!row) {
    if ((await tx.organization.count()) > 0)
      throw new AppError("CONFLICT", "This server is already set up. Sign in instead.");
    throw new AppError(
      "CONFLICT",
      "No setup code has been issued on this server: start it with npm start, which prints one.",
    );
  }
  if (row.locked_until && row.locked_until > opts.now) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many wrong setup codes. Try again after ${row.locked_until.toISOString().slice(11, 16)} UTC.`,
    );
  }
  const matches = timingSafeEqual(sha256(normalizeSetupCode(opts.code)), Buffer.from(row.code_sha256, "hex"));
  if (matches) return;
  const failures = row.failed_attempts + 1;
  const over = failures - SETUP_FREE_GUESSES;
  const lockedUntil = over >= 0 ? new Date(opts.now.getTime() + Math.min(LOCK_MS * 2 ** over, MAX_LOCK_MS)) : null;
  await tx.setupCode.update({ where: { id: 1 }, data: { failedAttempts: failures, lockedUntil } });
  throw new WrongSetupCode();
}

class WrongSetupCode extends AppError {
  constructor() {
    const message = "That setup code is not right. Copy it from the console of npm start, or from .data/setup-code.";
    super("INVALID_INPUT", message, { code: [message] });
  }
}

/** verifySetupCodeIn in its own transaction, so a wrong guess is counted even though it throws. */
export async function checkSetupCode(db: Db, opts: { code: string; now: Date }): Promise<void> {
  let wrong: WrongSetupCode | null = null;
  await db.$transaction(async (tx) => {
    try {
      await verifySetupCodeIn(tx, opts);
    } catch (error) {
      if (!(error instanceof WrongSetupCode)) throw error;
      wrong = error; // commit the count, then refuse
    }
  });
  if (wrong) throw wrong;
}
