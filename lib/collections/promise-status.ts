import { addDaysTo, type DateOnly } from "@/lib/time/dates";

export interface PromiseFacts {
  id: string;
  amount: number;
  madeOn: DateOnly;
  promisedFor: DateOnly;
  /** Instalments of one payment plan share a planId and are judged cumulatively. */
  planId: string | null;
}

export interface PaymentFacts {
  receivedOn: DateOnly;
  amount: number;
}

export type PromiseStatus =
  | { id: string; status: "pending" }
  | { id: string; status: "kept" }
  | { id: string; status: "broken"; brokenOn: DateOnly };

/**
 * Kept, pending or broken, derived from dates and payments (never a flag):
 * a promise is kept when the payments received from the day it was made up to
 * its date reach its amount; broken from the day after its date otherwise.
 * A plan's instalment k is met when payments since the plan began reach the
 * sum of instalments 1..k by instalment k's date.
 */
export function promiseStatuses(promises: PromiseFacts[], payments: PaymentFacts[], today: DateOnly): PromiseStatus[] {
  const paidBetween = (from: DateOnly, to: DateOnly) =>
    payments.filter((p) => p.receivedOn >= from && p.receivedOn <= to).reduce((s, p) => s + p.amount, 0);
  const planStart = new Map<string, DateOnly>();
  for (const p of promises) {
    if (p.planId && (!planStart.has(p.planId) || p.madeOn < planStart.get(p.planId)!))
      planStart.set(p.planId, p.madeOn);
  }
  return promises.map((p) => {
    const from = p.planId ? planStart.get(p.planId)! : p.madeOn;
    const owed = p.planId
      ? promises
          .filter((q) => q.planId === p.planId && q.promisedFor <= p.promisedFor)
          .reduce((s, q) => s + q.amount, 0)
      : p.amount;
    if (paidBetween(from, p.promisedFor) >= owed) return { id: p.id, status: "kept" };
    if (today > p.promisedFor) return { id: p.id, status: "broken", brokenOn: addDaysTo(p.promisedFor, 1) };
    return { id: p.id, status: "pending" };
  });
}
