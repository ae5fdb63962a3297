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
