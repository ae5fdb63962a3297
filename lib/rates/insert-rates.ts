import type { DbOrTx } from "@/lib/db/client";
import { dateOnlyToDb } from "@/lib/time/dates";
import type { RateRow } from "./rate-rows";

/** Rows per INSERT: one statement per batch, so a large file never builds one huge query on the event loop. */
const BATCH = 1_000;

/** Appends rate rows against `base` (a correction is just a newer row for the same day). */
export async function insertRates(tx: DbOrTx, opts: { orgId: string; userId: string; base: string; rows: RateRow[] }) {
  for (let i = 0; i < opts.rows.length; i += BATCH)
    await insertBatch(tx, { ...opts, rows: opts.rows.slice(i, i + BATCH) });
}

async function insertBatch(tx: DbOrTx, opts: { orgId: string; userId: string; base: string; rows: RateRow[] }) {
  await tx.exchangeRate.createMany({
    data: opts.rows.map((r) => ({
      orgId: opts.orgId,
      currency: r.currency,
      baseCurrency: opts.base,
      rate: r.rate,
      validOn: dateOnlyToDb(r.validOn),
      source: r.source,
      enteredById: opts.userId,
    })),
  });
}

export async function baseCurrencyOf(tx: DbOrTx, orgId: string): Promise<string> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { baseCurrency: true } });
  return org.baseCurrency.trim();
}
