import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint said no: the idempotency backstop of a concurrent duplicate. */
export function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  // A raw statement ($executeRaw) through the pg adapter is P2010 with PostgreSQL's own error in meta.
  const adapter = (
    error.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } | undefined
  )?.driverAdapterError;
  return adapter?.cause?.kind === "UniqueConstraintViolation" || adapter?.cause?.originalCode === "23505";
}

// PostgreSQL codes of a moment's contention: serialization failure, deadlock,
// lock not available, statement or lock timeout.
const BUSY_PG_CODES = new Set(["40001", "40P01", "55P03", "57014"]);
// Prisma's own: the transaction could not start or finish in time, write conflict.
const BUSY_PRISMA_CODES = new Set(["P2028", "P2034", "P2024"]);
// The server is not there: refused, shut down, starting up, too many connections.
const DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P1017",
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const { code, cause, originalCode } = e as { code?: unknown; cause?: unknown; originalCode?: unknown };
    for (const c of [code, originalCode]) if (typeof c === "string") codes.push(c);
    e = cause;
  }
  return codes;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.message} ${messageOf(error.cause)}` : "";
}

/** The database was too busy to serve this in time (a full pool, a lock wait): the same request can succeed a moment later. */
export function isBusy(error: unknown): boolean {
  return (
    codesOf(error).some((c) => BUSY_PG_CODES.has(c) || BUSY_PRISMA_CODES.has(c)) ||
    /Unable to start a transaction in the given time|Transaction already closed|expired transaction/i.test(
      messageOf(error),
    )
  );
}

/** The database cannot be reached at all (stopped, restarting, refusing connections). */
export function isUnavailable(error: unknown): boolean {
  return (
    codesOf(error).some((c) => DOWN_CODES.has(c)) ||
    /ECONNREFUSED|Connection terminated|Can't reach database|the database system is (starting up|shutting down)/i.test(
      messageOf(error),
    )
  );
}

/** The clear answer for a database that is busy or down, or null for any other error. */
export function transientDbError(error: unknown): AppError | null {
  if (isUnavailable(error))
    return new AppError(
      "UNAVAILABLE",
      "The service is unavailable right now; nothing was changed. Try again in a minute.",
    );
  if (isBusy(error))
    return new AppError("UNAVAILABLE", "The system is busy right now; nothing was changed. Try again in a moment.");
  return null;
}
