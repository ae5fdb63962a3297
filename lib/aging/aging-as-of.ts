import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDaysTo, type DateOnly, isDateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { type CurrencyTotals, getAgingTotals } from "./aging-totals";
import { type AccountQuery, listAgingAccounts } from "./list-accounts";

// Aging as it stood on a date, from the dated movements rather than
// invoices.paid_minor (which is "settled to date", future-dated payments
// included): an invoice issued on or before the date is open by its amount less
// the payments received and the ledger entries (credit notes, write-offs,
// applied credit, less reversals) dated on or before it; its due date is the one
// in force then (an extension recorded later still had its previous date);
// days past due count to that date.

/**
 * The organization's invoices as they stood on `asOf`, with the same columns as
 * the invoices table (paid_minor = settled by that date, due_date = in force
 * then), for the aging queries. Movements are summed per invoice through
 * payments(invoice_id, received_on) and ledger_entries(invoice_id, effective_on).
 */
export function invoicesAsOf(opts: { orgId: string; asOf: DateOnly }): Prisma.Sql {
  return Prisma.sql`(
    SELECT inv.id, inv.org_id, inv.customer_id, inv.number, inv.currency, inv.issue_date,
      COALESCE(ext.previous_due_date, inv.due_date) AS due_date, inv.amount_minor,
      (COALESCE(paid.sum, 0) + COALESCE(moved.sum, 0))::bigint AS paid_minor
    FROM invoices inv
    LEFT JOIN LATERAL (
      SELECT sum(p.amount_minor) AS sum FROM payments p WHERE p.invoice_id = inv.id AND p.received_on <= ${opts.asOf}::date
    ) paid ON true
    LEFT JOIN LATERAL (
      SELECT sum(CASE WHEN le.kind = 'PAYMENT_REVERSAL' THEN -le.amount_minor ELSE le.amount_minor END) AS sum
      FROM ledger_entries le WHERE le.invoice_id = inv.id AND le.effective_on <= ${opts.asOf}::date
    ) moved ON true
    LEFT JOIN LATERAL (
      SELECT e.previous_due_date FROM due_date_extensions e
      WHERE e.invoice_id = inv.id AND e.recorded_on > ${opts.asOf}::date
      ORDER BY e.recorded_on, e.created_at LIMIT 1
    ) ext ON true
    WHERE inv.org_id = ${opts.orgId}::uuid AND inv.issue_date <= ${opts.asOf}::date
  )`;
}

/**
 * Whether the organization has rows dated after `today` (an invoice issued, or
 * a payment received, later: imports take them as they come). The summary
 * tables (accounts, open_balances_by_due_date, paid_minor) count them already,
 * so today's report then takes the as-of path for today, which leaves them out
 * until their date. Two index probes (invoices_by_org_issue_date,
 * payments_by_org_received_on).
 */
export async function hasRowsAfter(tx: DbOrTx, opts: { orgId: string; today: DateOnly }): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ later: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM invoices WHERE org_id = ${opts.orgId}::uuid AND issue_date > ${opts.today}::date)
      OR EXISTS (SELECT 1 FROM payments WHERE org_id = ${opts.orgId}::uuid AND received_on > ${opts.today}::date) AS later`;
  return row.later;
}

/** The date the report must compute "as of" (null: today's summary tables are exact). */
export async function asOfNeeded(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; asOf?: DateOnly },
): Promise<DateOnly | null> {
  if (opts.asOf && opts.asOf < opts.today) return opts.asOf;
  return (await hasRowsAfter(tx, opts)) ? opts.today : null;
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
