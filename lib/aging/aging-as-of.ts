import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDaysTo, type DateOnly, isDateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { type CurrencyTotals, getAgingTotals } from "./aging-totals";
import { type AccountQuery, listAgingAccounts } from "./list-accounts";

// Aging as it stood on a past date, from the dated payments rather than
// invoices.paid_minor (which is "paid to date"): an invoice issued on or
// before the date is open by its amount less the payments received on or
// before it; days past due count to that date.

/**
 * The organization's invoices as they stood on `asOf`, with the same columns as
 * the invoices table (paid_minor = paid by that date), for the aging queries.
 * Payments are summed per invoice through payments(invoice_id, received_on).
 */
export function invoicesAsOf(opts: { orgId: string; asOf: DateOnly }): Prisma.Sql {
  return Prisma.sql`(
    SELECT inv.id, inv.org_id, inv.customer_id, inv.number, inv.currency, inv.issue_date, inv.due_date, inv.amount_minor,
      COALESCE(paid.sum, 0)::bigint AS paid_minor
    FROM invoices inv
    LEFT JOIN LATERAL (
      SELECT sum(p.amount_minor) AS sum FROM payments p WHERE p.invoice_id = inv.id AND p.received_on <= ${opts.asOf}::date
    ) paid ON true
    WHERE inv.org_id = ${opts.orgId}::uuid AND inv.issue_date <= ${opts.asOf}::date
  )`;
}

export function getAgingTotalsAsOf(tx: DbOrTx, opts: { orgId: string; asOf: DateOnly }): Promise<CurrencyTotals[]> {
  return getAgingTotals(tx, { orgId: opts.orgId, today: opts.asOf, invoices: invoicesAsOf(opts) });
}

/** What the account queries take to show a past date: its invoices, and the end of that day in the organization's time zone. */
export function asOfArgs(opts: { orgId: string; asOf: DateOnly; timeZone: string }) {
  return {
    today: opts.asOf,
    invoices: invoicesAsOf(opts),
    until: instantAt(addDaysTo(opts.asOf, 1), "00:00", opts.timeZone),
  };
}

export function listAgingAccountsAsOf(
  tx: DbOrTx,
  opts: { orgId: string; asOf: DateOnly; timeZone: string; query: AccountQuery; pageSize?: number },
) {
  return listAgingAccounts(tx, { ...opts, ...asOfArgs(opts) });
}

export type AsOfResult = { ok: true; asOf: DateOnly } | { ok: false; error: string };

/** The "as of" date of a request: absent means today; it must be a real date, not after today. */
export function parseAsOf(value: string | undefined | null, today: DateOnly): AsOfResult {
  if (!value) return { ok: true, asOf: today };
  if (!isDateOnly(value)) return { ok: false, error: `"${String(value).slice(0, 40)}" is not a date; use YYYY-MM-DD.` };
  if (value > today)
    return {
      ok: false,
      error: `${value} is in the future; aging can be shown for today (${today}) or an earlier date.`,
    };
  return { ok: true, asOf: value };
}
