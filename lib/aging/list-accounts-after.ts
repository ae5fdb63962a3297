import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface AccountAfterRow {
  customerId: string;
  reference: string;
  name: string;
  currency: string;
  openMinor: number;
  openInvoices: number;
  oldestOpenDue: DateOnly | null;
  lastContactAt: Date | null;
  stage: number | null;
}

/**
 * Accounts (customer + currency) with an open balance, in a stable order
 * (customer id, currency) after the given one: keyset pagination for API
 * clients, so a page costs the same however deep the client walks and an
 * account added meanwhile is neither skipped nor repeated. Reads the accounts
 * summary table (kept exact by triggers), through its primary key.
 */
export async function listAccountsAfter(
  tx: DbOrTx,
  opts: { orgId: string; after: { customerId: string; currency: string } | null; limit: number },
): Promise<{ rows: AccountAfterRow[]; more: boolean }> {
  const after = opts.after ?? { customerId: "00000000-0000-0000-0000-000000000000", currency: "" };
  const rows = await tx.$queryRaw<
    {
      customer_id: string;
      reference: string;
      name: string;
      currency: string;
      open_minor: bigint;
      open_invoices: number;
      oldest_open_due: Date | null;
      last_contact_at: Date | null;
      open_stage: number | null;
    }[]
  >`
    SELECT a.customer_id, c.reference, c.name, a.currency, a.open_minor, a.open_invoices, a.oldest_open_due,
      a.last_contact_at, a.open_stage
    FROM accounts a JOIN customers c ON c.id = a.customer_id
    WHERE a.org_id = ${opts.orgId}::uuid AND a.open_minor > 0
      AND (a.customer_id, a.currency) > (${after.customerId}::uuid, ${after.currency}::char(3))
    ORDER BY a.customer_id, a.currency
    LIMIT ${opts.limit + 1}`;
  return {
    more: rows.length > opts.limit,
    rows: rows.slice(0, opts.limit).map((r) => ({
      customerId: r.customer_id,
      reference: r.reference,
      name: r.name,
      currency: r.currency.trim(),
      openMinor: toMinor(r.open_minor),
      openInvoices: r.open_invoices,
      oldestOpenDue: r.oldest_open_due ? dateOnlyFromDb(r.oldest_open_due) : null,
      lastContactAt: r.last_contact_at,
      stage: r.open_stage,
    })),
  };
}
