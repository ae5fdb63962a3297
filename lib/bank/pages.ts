import type { SessionUser } from "@/lib/auth/session-user";
import { getPaymentsKnownUpTo } from "@/lib/collections/payments-known-up-to";
import { db } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { Suggestion } from "./match-line";
import { getBankMatchingSettings } from "./update-bank-matching";

// What the bank pages read, for the signed-in user (pages never hold the database client).

/** The Bank page: recent statements with their counts, the review queue's size and "payments known up to". */
export async function getBankPage(user: SessionUser) {
  const [statements, review, known] = await Promise.all([
    db().bankStatement.findMany({
      where: { orgId: user.orgId },
      orderBy: { createdAt: "desc" },
      take: 20,
      omit: { bytes: true },
    }),
    db().bankLine.count({ where: { orgId: user.orgId, status: "review" } }),
    getPaymentsKnownUpTo(db(), { orgId: user.orgId }),
  ]);
  return {
    statements: statements.map((s) => ({
      ...s,
      fromDate: s.fromDate ? dateOnlyFromDb(s.fromDate) : null,
      toDate: s.toDate ? dateOnlyFromDb(s.toDate) : null,
    })),
    reviewCount: review,
    known,
  };
}

export function getPaymentsFreshness(user: SessionUser) {
  return getPaymentsKnownUpTo(db(), { orgId: user.orgId });
}

/** The review queue, oldest first: each line with its reason and the suggestions spelled out (customer, invoices, open amounts). */
export async function getReviewQueue(user: SessionUser) {
  const lines = await db().bankLine.findMany({
    where: { orgId: user.orgId, status: "review" },
    orderBy: [{ bookingDate: "asc" }, { createdAt: "asc" }],
    take: 100,
    include: { statement: { select: { fileName: true, format: true } } },
  });
  const suggestions = lines.flatMap((l) => l.suggestions as unknown as Suggestion[]);
  const [customers, invoices] = await Promise.all([
    db().customer.findMany({
      where: { orgId: user.orgId, id: { in: [...new Set(suggestions.map((s) => s.customerId))] } },
      select: { id: true, name: true, reference: true },
    }),
    db().invoice.findMany({
      where: { orgId: user.orgId, id: { in: [...new Set(suggestions.flatMap((s) => s.invoiceIds))] } },
      select: { id: true, number: true, amountMinor: true, paidMinor: true, currency: true },
    }),
  ]);
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const invoiceById = new Map(invoices.map((i) => [i.id, i]));
  return lines.map((l) => ({
    id: l.id,
    bookingDate: dateOnlyFromDb(l.bookingDate),
    amountMinor: toMinor(l.amountMinor),
    currency: l.currency.trim(),
    payerName: l.payerName,
    payerAccount: l.payerAccount,
    reference: l.structuredRef,
    text: l.remittanceText,
    reason: l.reason,
    statement: l.statement.fileName || l.statement.format,
    suggestions: (l.suggestions as unknown as Suggestion[]).flatMap((s) => {
      const customer = customerById.get(s.customerId);
      if (!customer) return [];
      return [
        {
          customer,
          reason: s.reason,
          invoices: s.invoiceIds.flatMap((id) => {
            const i = invoiceById.get(id);
            return i
              ? [
                  {
                    id: i.id,
                    number: i.number,
                    currency: i.currency,
                    openMinor: toMinor(i.amountMinor) - toMinor(i.paidMinor),
                  },
                ]
              : [];
          }),
        },
      ];
    }),
  }));
}

/** The bank matching settings page (admins): KID mode and length, and when payments count as stale. */
export function getBankMatchingPage(user: SessionUser) {
  return getBankMatchingSettings(db(), user.orgId);
}
