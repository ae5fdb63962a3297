import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";

// An account's credit: unapplied cash (payments naming no invoice) and credit
// notes issued to no invoice, less the credit applied to invoices and the
// unapplied cash reversed. Dated movements count from their date, so the credit
// "as of" a day leaves out cash received later.

function creditSql(where: { payments: Prisma.Sql; ledger: Prisma.Sql }, asOf: DateOnly): Prisma.Sql {
  return Prisma.sql`
    SELECT customer_id, currency, sum(amount) AS credit FROM (
      SELECT customer_id, currency, amount_minor AS amount FROM payments
      WHERE ${where.payments} AND invoice_id IS NULL AND received_on <= ${asOf}::date
      UNION ALL
      SELECT customer_id, currency, CASE WHEN kind = 'CREDIT_NOTE' THEN amount_minor ELSE -amount_minor END FROM ledger_entries
      WHERE ${where.ledger} AND (invoice_id IS NULL OR kind = 'CREDIT_APPLIED') AND effective_on <= ${asOf}::date
    ) m GROUP BY customer_id, currency HAVING sum(amount) <> 0 ORDER BY customer_id, currency`;
}

/** The account's credit (customer + currency) as of a day; 0 when none. */
export async function getAccountCredit(
  tx: DbOrTx,
  opts: { customerId: string; currency: string; asOf: DateOnly },
): Promise<number> {
  const rows = await tx.$queryRaw<{ currency: string; credit: bigint }[]>(
    creditSql(
      {
        payments: Prisma.sql`customer_id = ${opts.customerId}::uuid AND currency = ${opts.currency}`,
        ledger: Prisma.sql`customer_id = ${opts.customerId}::uuid AND currency = ${opts.currency}`,
      },
      opts.asOf,
    ),
  );
  return rows.length ? toMinor(rows[0].credit) : 0;
}

/** A customer's credit per currency (for the customer page). */
export async function getCustomerCredits(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; asOf: DateOnly },
): Promise<{ currency: string; credit: number }[]> {
  const c = Prisma.sql`org_id = ${opts.orgId}::uuid AND customer_id = ${opts.customerId}::uuid`;
  const rows = await tx.$queryRaw<{ currency: string; credit: bigint }[]>(
    creditSql({ payments: c, ledger: c }, opts.asOf),
  );
  return rows.map((r) => ({ currency: r.currency, credit: toMinor(r.credit) }));
}

/**
 * The credit of several customers' accounts as of a day, keyed "customerId:currency"
 * (the worklist judges a page of accounts at once; absent: no credit).
 */
export async function getAccountCredits(
  tx: DbOrTx,
  opts: { orgId: string; customerIds: string[]; asOf: DateOnly },
): Promise<Map<string, number>> {
  if (!opts.customerIds.length) return new Map();
  const c = Prisma.sql`org_id = ${opts.orgId}::uuid AND customer_id = ANY(${opts.customerIds}::uuid[])`;
  const rows = await tx.$queryRaw<{ customer_id: string; currency: string; credit: bigint }[]>(
    creditSql({ payments: c, ledger: c }, opts.asOf),
  );
  return new Map(rows.map((r) => [`${r.customer_id}:${r.currency.trim()}`, toMinor(r.credit)]));
}

/**
 * The organization's account credits per currency as of a day, for the report
 * (shown as negative amounts, as ERPNext lists credits as negative rows).
 * Served by the partial indexes payments_unapplied_by_org and ledger_account_credit.
 */
export async function getCreditsByCurrency(
  tx: DbOrTx,
  opts: { orgId: string; asOf: DateOnly },
): Promise<{ currency: string; credit: number; accounts: number }[]> {
  const rows = await tx.$queryRaw<{ currency: string; credit: bigint; accounts: bigint }[]>`
    SELECT currency, sum(credit) AS credit, count(*) AS accounts FROM (
      SELECT customer_id, currency, sum(amount) AS credit FROM (
        SELECT customer_id, currency, amount_minor AS amount FROM payments
        WHERE org_id = ${opts.orgId}::uuid AND invoice_id IS NULL AND received_on <= ${opts.asOf}::date
        UNION ALL
        SELECT customer_id, currency, CASE WHEN kind = 'CREDIT_NOTE' THEN amount_minor ELSE -amount_minor END FROM ledger_entries
        WHERE org_id = ${opts.orgId}::uuid AND (invoice_id IS NULL OR kind = 'CREDIT_APPLIED') AND effective_on <= ${opts.asOf}::date
      ) m GROUP BY customer_id, currency HAVING sum(amount) <> 0
    ) a GROUP BY currency ORDER BY currency`;
  return rows.map((r) => ({ currency: r.currency, credit: toMinor(r.credit), accounts: toMinor(r.accounts) }));
}
