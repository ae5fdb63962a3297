import type { CurrencyTotals } from "@/lib/aging/aging-totals";
import { bucketFor } from "@/lib/aging/buckets";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type DateOnly, dateOnlyFromDb, daysBetween } from "@/lib/time/dates";

/**
 * The floor: PostgreSQL summing the open balance of every open invoice in one
 * bare query. No report can read less; the aging totals are judged against it.
 */
export async function sumOpenBalances(tx: DbOrTx, opts: { orgId: string }): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ open: bigint | null }[]>(Prisma.sql`
    SELECT sum(amount_minor - paid_minor) AS open FROM invoices
    WHERE org_id = ${opts.orgId}::uuid AND paid_minor < amount_minor`);
  return row.open ?? 0n;
}

/**
 * The naive way: load every open invoice through the ORM and bucket in
 * JavaScript. What the report would cost without SQL aggregation.
 */
export async function naiveAgingTotals(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly },
): Promise<CurrencyTotals[]> {
  const invoices = await tx.invoice.findMany({
    where: { orgId: opts.orgId, paidMinor: { lt: tx.invoice.fields.amountMinor } },
  });
  const byCurrency = new Map<string, CurrencyTotals & { customers: Set<string>; overdueCustomers: Set<string> }>();
  for (const inv of invoices) {
    let t = byCurrency.get(inv.currency);
    if (!t) {
      t = {
        currency: inv.currency,
        open: 0,
        overdue: 0,
        current: 0,
        d1_30: 0,
        d31_60: 0,
        d61_90: 0,
        d90_plus: 0,
        accounts: 0,
        overdueAccounts: 0,
        customers: new Set(),
        overdueCustomers: new Set(),
      };
      byCurrency.set(inv.currency, t);
    }
    const open = Number(inv.amountMinor - inv.paidMinor);
    const dpd = daysBetween(dateOnlyFromDb(inv.dueDate), opts.today);
    t.open += open;
    t[bucketFor(dpd)] += open;
    t.customers.add(inv.customerId);
    if (dpd > 0) {
      t.overdue += open;
      t.overdueCustomers.add(inv.customerId);
    }
  }
  return [...byCurrency.values()]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(({ customers, overdueCustomers, ...t }) => ({
      ...t,
      accounts: customers.size,
      overdueAccounts: overdueCustomers.size,
    }));
}
