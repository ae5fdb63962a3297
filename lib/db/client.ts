import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** A Prisma client or an interactive transaction: lib/ functions take either. */
export type DbOrTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) });
}

const globalForDb = globalThis as unknown as { dunningDb?: PrismaClient };

/** The app's shared client, kept on globalThis so dev reloads reuse the pool. */
export function db(): PrismaClient {
  if (!globalForDb.dunningDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides one.");
    globalForDb.dunningDb = createDb(url);
  }
  return globalForDb.dunningDb;
}

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Independent reads: in parallel on the pool, one after another inside a
 * transaction, whose single connection must not be sent a query while another
 * runs (pg 8 queues it with a deprecation warning; pg 9 refuses it).
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(
  db: DbOrTx,
  reads: T,
): Promise<Results<T>> {
  if (!inTransaction(db)) return (await Promise.all(reads.map((read) => read()))) as Results<T>;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as Results<T>;
}

/**
 * Whether `db` is an interactive transaction rather than the pooled client.
 * (Not `"$transaction" in db`: a transaction client has one too, which nests.)
 */
export function inTransaction(db: DbOrTx | PrismaClient): boolean {
  return typeof (db as { $connect?: unknown }).$connect !== "function";
}
