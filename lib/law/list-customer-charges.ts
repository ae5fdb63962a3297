import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface ChargeLine {
  id: string;
  letterId: string;
  kind: string;
  invoiceNumber: string | null;
  currency: string;
  amountMinor: number;
  paidMinor: number;
  openMinor: number;
  ratePercent: string | null;
  fromDate: DateOnly | null;
  toDate: DateOnly | null;
  basis: string;
  claimedOn: Date;
}

/** A customer's charges (claims the letters made), oldest first, with what was paid against each. */
export async function listCustomerCharges(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string },
): Promise<ChargeLine[]> {
  const rows = await tx.charge.findMany({
    where: { orgId: opts.orgId, customerId: opts.customerId },
    include: { payments: { select: { amountMinor: true } } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  return rows.map((c) => {
    const amountMinor = toMinor(c.amountMinor);
    const paidMinor = c.payments.reduce((s, p) => s + toMinor(p.amountMinor), 0);
    return {
      id: c.id,
      letterId: c.letterId,
      kind: c.kind,
      invoiceNumber: c.invoiceNumber,
      currency: c.currency,
      amountMinor,
      paidMinor,
      openMinor: amountMinor - paidMinor,
      ratePercent: c.ratePercent,
      fromDate: c.fromDate ? dateOnlyFromDb(c.fromDate) : null,
      toDate: c.toDate ? dateOnlyFromDb(c.toDate) : null,
      basis: c.basis,
      claimedOn: c.createdAt,
    };
  });
}
