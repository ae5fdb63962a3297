import { getAccountCredits } from "@/lib/aging/account-credit";
import { type DbOrTx, readAll } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, daysBetween, todayIn } from "@/lib/time/dates";
import { loadLetterHolds } from "./letter-holds";
import type { AccountFacts } from "./policy";

export interface AccountKey {
  customerId: string;
  currency: string;
}

export const accountKey = (a: AccountKey) => `${a.customerId}:${a.currency}`;

export interface AccountState {
  key: AccountKey;
  facts: AccountFacts;
  caseId: string | null;
  letters: {
    id: string;
    stage: number;
    sentAt: Date;
    sentOn: DateOnly;
    deadline: DateOnly;
    sentBy: string;
    registeredMail: boolean;
    trackingNumber: string | null;
  }[];
  openDisputes: { id: string; invoiceId: string; invoiceNumber: string; openedOn: DateOnly; note: string }[];
  handoff: { agency: string; reference: string; handedOverOn: DateOnly; amountMinor: number } | null;
  /** Open balance of the account (all open invoices, due or not). */
  openMinor: number;
  /** Overdue open balance, disputed invoices included. */
  overdueMinor: number;
  oldestDaysPastDue: number;
}

/**
 * Everything the policy and the letters need about some accounts of one
 * organization, in a fixed number of queries whatever the number of accounts
 * (the worklist loads a page of accounts at once).
 */
export async function loadAccountStates(
  tx: DbOrTx,
  opts: { orgId: string; timeZone: string; today: DateOnly; accounts: AccountKey[]; locale?: string },
): Promise<Map<string, AccountState>> {
  const { orgId } = opts;
  const customerIds = [...new Set(opts.accounts.map((a) => a.customerId))];
  const dayOf = (instant: Date) => todayIn(opts.timeZone, instant);
  const [invoices, disputes, cases, answers, pauses, credits, holdsOf] = await readAll(tx, [
    () =>
      tx.invoice.findMany({
        where: { orgId, customerId: { in: customerIds }, paidMinor: { lt: tx.invoice.fields.amountMinor } },
        select: {
          id: true,
          customerId: true,
          currency: true,
          number: true,
          issueDate: true,
          dueDate: true,
          amountMinor: true,
          paidMinor: true,
        },
        orderBy: [{ dueDate: "asc" }, { number: "asc" }],
      }),
    () =>
      tx.invoiceDispute.findMany({
        where: { orgId, customerId: { in: customerIds }, events: { none: { kind: "DISPUTE_RESOLVED" } } },
        include: { invoice: { select: { number: true, currency: true } } },
        orderBy: { openedOn: "asc" },
      }),
    () =>
      tx.collectionCase.findMany({
        where: { orgId, customerId: { in: customerIds }, closedAt: null },
        include: {
          letters: {
            orderBy: { stage: "asc" },
            include: {
              sentBy: { select: { name: true } },
              events: { where: { kind: "REGISTERED_MAIL_TRACKING" }, orderBy: { createdAt: "desc" }, take: 1 },
            },
          },
          promises: { orderBy: { promisedFor: "asc" } },
          handoff: true,
        },
      }),
    () =>
      tx.contactAttempt.groupBy({
        by: ["customerId"],
        where: { orgId, customerId: { in: customerIds }, OR: [{ direction: "INBOUND" }, { outcome: "SPOKE" }] },
        _max: { occurredAt: true },
      }),
    () =>
      tx.customer.findMany({
        where: { orgId, id: { in: customerIds }, dunningPausedReason: { not: null } },
        select: { id: true, dunningPausedReason: true, dunningPausedUntil: true },
      }),
    // Unapplied cash and credit notes on account: a credit that covers the overdue amount stops the letters.
    () => getAccountCredits(tx, { orgId, customerIds, asOf: opts.today }),
    // "We paid on X" with no payment matched since, an unread reply: the next letter waits.
    () => loadLetterHolds(tx, { orgId, customerIds, timeZone: opts.timeZone }),
  ] as const);
  const earliest = cases
    .flatMap((c) => [dayOf(c.openedAt), ...c.promises.map((p) => dateOnlyFromDb(p.madeOn))])
    .sort()[0];
  const payments = earliest
    ? await tx.payment.findMany({
        where: { orgId, customerId: { in: customerIds }, receivedOn: { gte: new Date(`${earliest}T00:00:00Z`) } },
        select: { customerId: true, currency: true, receivedOn: true, amountMinor: true },
      })
    : [];

  // Rows grouped by account once: a page of the worklist refresh is 500 accounts.
  const byAccount = <T>(rows: T[], key: (row: T) => AccountKey) => {
    const groups = new Map<string, T[]>();
    for (const row of rows) {
      const k = accountKey(key(row));
      const group = groups.get(k);
      if (group) group.push(row);
      else groups.set(k, [row]);
    }
    return (account: AccountKey) => groups.get(accountKey(account)) ?? [];
  };
  const invoicesOf = byAccount(invoices, (i) => i);
  const casesOf = byAccount(cases, (c) => c);
  const paymentsOf = byAccount(payments, (p) => p);
  const disputesOf = byAccount(disputes, (d) => ({ customerId: d.customerId, currency: d.invoice.currency }));
  const answeredBy = new Map(answers.map((a) => [a.customerId, a._max.occurredAt]));
  const pausedBy = new Map(
    pauses.map((c) => [
      c.id,
      { reason: c.dunningPausedReason!, until: c.dunningPausedUntil ? dateOnlyFromDb(c.dunningPausedUntil) : null },
    ]),
  );

  const result = new Map<string, AccountState>();
  for (const key of opts.accounts) {
    const myDisputes = disputesOf(key);
    const disputedIds = new Set(myDisputes.map((d) => d.invoiceId));
    const open = invoicesOf(key).filter((i) => i.paidMinor < i.amountMinor);
    const theCase = casesOf(key)[0] ?? null;
    const answered = answeredBy.get(key.customerId) ?? null;
    const letters = (theCase?.letters ?? []).map((l) => ({
      id: l.id,
      stage: l.stage,
      sentAt: l.sentAt,
      sentOn: dayOf(l.sentAt),
      deadline: dateOnlyFromDb(l.deadlineDate),
      sentBy: l.sentBy?.name ?? "System",
      registeredMail: l.registeredMail,
      trackingNumber: l.events[0]?.reference ?? null,
    }));
    const facts: AccountFacts = {
      currency: key.currency,
      locale: opts.locale,
      invoices: open.map((i) => ({
        id: i.id,
        number: i.number,
        issueDate: dateOnlyFromDb(i.issueDate),
        dueDate: dateOnlyFromDb(i.dueDate),
        amount: toMinor(i.amountMinor),
        open: toMinor(i.amountMinor) - toMinor(i.paidMinor),
        disputed: disputedIds.has(i.id),
      })),
      letters: letters.map((l) => ({ stage: l.stage, sentOn: l.sentOn, deadline: l.deadline })),
      promises: (theCase?.promises ?? []).map((p) => ({
        id: p.id,
        amount: toMinor(p.amountMinor),
        madeOn: dateOnlyFromDb(p.madeOn),
        promisedFor: dateOnlyFromDb(p.promisedFor),
        planId: p.planId,
      })),
      payments: paymentsOf(key).map((p) => ({
        receivedOn: dateOnlyFromDb(p.receivedOn),
        amount: toMinor(p.amountMinor),
      })),
      lastAnsweredOn: answered ? dayOf(answered) : null,
      handoff: theCase?.handoff
        ? { handedOverOn: dateOnlyFromDb(theCase.handoff.handedOverOn), agency: theCase.handoff.agency }
        : null,
      pause: pausedBy.get(key.customerId) ?? null,
      creditMinor: Math.max(0, credits.get(accountKey(key)) ?? 0),
      holds: holdsOf(key.customerId, key.currency),
    };
    const overdue = facts.invoices.filter((i) => i.dueDate < opts.today);
    result.set(accountKey(key), {
      key,
      facts,
      caseId: theCase?.id ?? null,
      letters,
      openDisputes: myDisputes.map((d) => ({
        id: d.id,
        invoiceId: d.invoiceId,
        invoiceNumber: d.invoice.number,
        openedOn: dateOnlyFromDb(d.openedOn),
        note: d.note,
      })),
      handoff: theCase?.handoff
        ? {
            agency: theCase.handoff.agency,
            reference: theCase.handoff.reference,
            handedOverOn: dateOnlyFromDb(theCase.handoff.handedOverOn),
            amountMinor: toMinor(theCase.handoff.amountMinor),
          }
        : null,
      openMinor: facts.invoices.reduce((s, i) => s + i.open, 0),
      overdueMinor: overdue.reduce((s, i) => s + i.open, 0),
      oldestDaysPastDue: overdue.length ? Math.max(...overdue.map((i) => daysBetween(i.dueDate, opts.today))) : 0,
    });
  }
  return result;
}
