import type { DbOrTx } from "@/lib/db/client";
import { formatMoney, toMinor } from "@/lib/money/money";
import { dateOnlyFromDb, formatDateOnly } from "@/lib/time/dates";

// What a customer sent from its page, for the collector's customer page: newest first,
// with the decision taken and by whom. The customer's text is returned as written
// (React escapes it when shown).

export interface CustomerRequestRow {
  id: string;
  kind: "PAID_CLAIM" | "DISPUTE" | "PROMISE" | "PLAN" | "MESSAGE";
  currency: string;
  at: Date;
  summary: string;
  message: string;
  fileId: string | null;
  handled: { decision: string; by: string; at: Date } | null;
}

export async function listCustomerRequests(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; locale: string },
): Promise<CustomerRequestRow[]> {
  const rows = await tx.customerRequest.findMany({
    where: { orgId: opts.orgId, customerId: opts.customerId },
    include: {
      handledBy: { select: { name: true } },
      // A paid claim's day, amount and reference live in paid_claims (the one store of claims).
      paidClaim: { select: { paidOn: true, amountMinor: true, reference: true } },
    },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  const invoiceIds = rows.flatMap((r) => (r.invoiceId ? [r.invoiceId] : []));
  const invoices = new Map(
    (
      await tx.invoice.findMany({
        where: { orgId: opts.orgId, id: { in: invoiceIds } },
        select: { id: true, number: true },
      })
    ).map((i) => [i.id, i.number]),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    currency: r.currency,
    at: r.createdAt,
    summary: requestSummary(
      {
        ...r,
        ...(r.paidClaim ?? {}),
        invoiceNumber: r.invoiceId ? (invoices.get(r.invoiceId) ?? null) : null,
      },
      opts.locale,
    ),
    message: r.message,
    fileId: r.fileId,
    handled: r.handledAt ? { decision: r.decision ?? "read", by: r.handledBy?.name ?? "", at: r.handledAt } : null,
  }));
}

/** One line in English for the collector (Today and the customer page word requests the same way). */
export function requestSummary(
  r: {
    kind: string;
    currency: string;
    amountMinor: bigint | number | null;
    paidOn: Date | null;
    promisedFor: Date | null;
    reference: string;
    instalments: unknown;
    invoiceNumber?: string | null;
  },
  locale: string,
): string {
  const cur = r.currency.trim();
  const money = (minor: unknown) => formatMoney(toMinor(minor as bigint), cur, locale);
  const day = (d: Date | string) => formatDateOnly(typeof d === "string" ? d : dateOnlyFromDb(d), locale);
  switch (r.kind) {
    case "PAID_CLAIM":
      return `Says it has paid${r.amountMinor !== null ? ` ${money(r.amountMinor)}` : ""}${r.paidOn ? ` on ${day(r.paidOn)}` : ""}${r.reference ? ` (reference ${r.reference})` : ""}`;
    case "DISPUTE":
      return `Disputes invoice ${r.invoiceNumber ?? ""}`.trim();
    case "PROMISE":
      return `Asks for time: ${money(r.amountMinor)} by ${r.promisedFor ? day(r.promisedFor) : "?"}`;
    case "PLAN": {
      const plan = (r.instalments as { dueOn: string; amountMinor: number }[] | null) ?? [];
      return `Proposes ${plan.length} instalment${plan.length === 1 ? "" : "s"}: ${plan.map((i) => `${money(i.amountMinor)} by ${day(i.dueOn)}`).join(", ")}`;
    }
    default:
      return "Wrote a message";
  }
}
