import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { getContactHistory, type HistoryEntry } from "@/lib/collections/contact-history";
import { type HandoffLineRecord, parseHandoffLines } from "@/lib/collections/handoff-claim";
import { promiseStatuses } from "@/lib/collections/promise-status";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { DbOrTx } from "@/lib/db/client";
import { letterPdfFilename, storedLetterSelect } from "@/lib/documents/get-letter-pdf";
import type { StoredLetterForPdf } from "@/lib/documents/render-letter-pdf";
import { getCustomerMovements, type MovementKind } from "@/lib/ledger/customer-movements";
import { streetLines } from "@/lib/locale/postal-address";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, daysBetween, todayIn } from "@/lib/time/dates";

/**
 * Everything an agency needs about one customer, read once. Amounts are minor
 * units of the row's currency. Nothing here depends on the clock except `asOf`
 * (today in the organization's time zone), which days past due and promise
 * status are counted to.
 */
export interface PackData {
  org: { id: string; name: string; timeZone: string; locale: string };
  customer: {
    id: string;
    reference: string;
    name: string;
    contactPerson: string;
    email: string;
    phone: string;
    address: string[];
    language: string;
    currency: string;
  };
  asOf: DateOnly;
  invoices: {
    number: string;
    currency: string;
    issueDate: DateOnly;
    dueDate: DateOnly;
    amount: number;
    paid: number;
    open: number;
    daysPastDue: number;
    disputed: boolean;
  }[];
  balances: { currency: string; open: number; overdue: number }[];
  letters: (StoredLetterForPdf & {
    fileName: string;
    currency: string;
    deadline: DateOnly;
    sentBy: string;
    totalDue: number;
    trackingNumber: string | null;
  })[];
  promises: {
    id: string;
    currency: string;
    amount: number;
    madeOn: DateOnly;
    promisedFor: DateOnly;
    instalment: boolean;
    status: "pending" | "kept" | "broken";
    by: string;
    note: string;
  }[];
  disputes: {
    invoiceNumber: string;
    openedOn: DateOnly;
    note: string;
    by: string;
    resolvedOn: DateOnly | null;
    resolution: string;
  }[];
  handoffs: {
    agency: string;
    reference: string;
    handedOverOn: DateOnly;
    currency: string;
    amount: number;
    by: string;
    /** How the customer reaches the agency (a saved agency's address and email, or as typed). */
    contact: string | null;
    /** What went over line by line: letter 3's claim, then what a collector added (empty before 2026-12). */
    lines: HandoffLineRecord[];
    /** Why lines letter 3 never claimed went over too; null when none did. */
    includedReason: string | null;
  }[];
  history: HistoryEntry[];
  /**
   * Money movements, oldest first by entry: payments (applied or kept as credit on the account)
   * and the ledger's corrections (credit notes, write-offs, reversals, credit applied). Due-date
   * extensions are not money and stay in the invoice table's due dates.
   */
  movements: {
    at: Date;
    on: DateOnly;
    kind: Exclude<MovementKind, "due_date_extension">;
    invoiceNumber: string | null;
    /** Payment reference or the credit note's number. */
    reference: string;
    amount: number;
    currency: string;
    reason: string;
    by: string;
    reversed: boolean;
  }[];
  /** The newest instant in the data: the pack's fixed timestamp (ZIP entries, PDF metadata). */
  newestAt: Date;
}

const byName = { select: { name: true } } as const;
const nameOf = (u: { name: string } | null) => u?.name ?? "System";

export async function loadPackData(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; now: Date },
): Promise<PackData> {
  const customer = await getCustomerOrThrow(tx, opts);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const asOf = todayIn(org.timeZone, opts.now);
  const where = { orgId: opts.orgId, customerId: customer.id };
  const [invoices, payments, letters, promises, disputes, handoffs, history] = await Promise.all([
    tx.invoice.findMany({ where, orderBy: [{ currency: "asc" }, { dueDate: "asc" }, { number: "asc" }] }),
    tx.payment.findMany({ where, select: { currency: true, receivedOn: true, amountMinor: true } }),
    tx.letter.findMany({
      where,
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      select: {
        ...storedLetterSelect,
        currency: true,
        deadlineDate: true,
        totalDueMinor: true,
        sentBy: byName,
        events: {
          where: { kind: "REGISTERED_MAIL_TRACKING" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 1,
        },
      },
    }),
    tx.paymentPromise.findMany({ where, include: { user: byName }, orderBy: [{ promisedFor: "asc" }, { id: "asc" }] }),
    tx.invoiceDispute.findMany({
      where,
      orderBy: [{ openedOn: "asc" }, { id: "asc" }],
      include: {
        user: byName,
        invoice: { select: { id: true, number: true } },
        events: { where: { kind: "DISPUTE_RESOLVED" } },
      },
    }),
    tx.agencyHandoff.findMany({ where, include: { user: byName }, orderBy: [{ handedOverOn: "asc" }, { id: "asc" }] }),
    getContactHistory(tx, opts),
  ]);
  // All of them: the agency gets the whole record, not the customer page's first 500 of each kind.
  const movements = (await getCustomerMovements(tx, { ...opts, limit: 1_000_000 })).flatMap((m) =>
    m.kind === "due_date_extension"
      ? []
      : [
          {
            at: m.at,
            on: m.on,
            kind: m.kind,
            invoiceNumber: m.invoiceNumber,
            reference: m.number ?? "",
            amount: m.amount,
            currency: m.currency,
            // A payment's "reason" is how it was paid; a correction's is the reason given.
            reason: m.reason,
            by: m.by,
            reversed: m.reversed,
          },
        ],
  );

  const openDisputed = new Set(disputes.filter((d) => d.events.length === 0).map((d) => d.invoice.id));
  const invoiceLines = invoices.map((i) => {
    const amount = toMinor(i.amountMinor);
    const paid = toMinor(i.paidMinor);
    const dueDate = dateOnlyFromDb(i.dueDate);
    return {
      number: i.number,
      currency: i.currency,
      issueDate: dateOnlyFromDb(i.issueDate),
      dueDate,
      amount,
      paid,
      open: amount - paid,
      daysPastDue: daysBetween(dueDate, asOf),
      disputed: openDisputed.has(i.id),
    };
  });
  const currencies = [...new Set(invoiceLines.map((i) => i.currency))].sort();
  const balances = currencies.map((currency) => {
    const open = invoiceLines.filter((i) => i.currency === currency && i.open > 0);
    return {
      currency,
      open: open.reduce((s, i) => s + i.open, 0),
      overdue: open.filter((i) => i.dueDate < asOf).reduce((s, i) => s + i.open, 0),
    };
  });

  // Kept/broken is derived per currency account from dates and payments, as on the customer page.
  const promiseFacts = promises.map((p) => ({
    id: p.id,
    amount: toMinor(p.amountMinor),
    madeOn: dateOnlyFromDb(p.madeOn),
    promisedFor: dateOnlyFromDb(p.promisedFor),
    planId: p.planId,
  }));
  const status = new Map<string, "pending" | "kept" | "broken">();
  for (const currency of new Set(promises.map((p) => p.currency))) {
    const mine = promiseFacts.filter((_, i) => promises[i].currency === currency);
    const paid = payments
      .filter((p) => p.currency === currency)
      .map((p) => ({ receivedOn: dateOnlyFromDb(p.receivedOn), amount: toMinor(p.amountMinor) }));
    for (const s of promiseStatuses(mine, paid, asOf)) status.set(s.id, s.status);
  }

  const instants = [
    customer.createdAt,
    ...history.map((h) => h.at),
    ...letters.map((l) => l.sentAt),
    ...movements.map((m) => m.at),
  ];
  return {
    org: { id: org.id, name: org.name, timeZone: org.timeZone, locale: org.locale },
    customer: {
      id: customer.id,
      reference: customer.reference,
      name: customer.name,
      contactPerson: customer.contactPerson,
      email: customer.email,
      phone: customer.phone,
      // The same address format as the letters (US "Boston, MA 02110").
      address: [...streetLines(customer), customer.country].filter(Boolean),
      language: customer.language,
      currency: customer.currency,
    },
    asOf,
    invoices: invoiceLines,
    balances,
    letters: letters.map(({ sentBy, events, deadlineDate, totalDueMinor, ...l }) => ({
      ...l,
      fileName: packLetterName(l, letters),
      deadline: dateOnlyFromDb(deadlineDate),
      sentBy: nameOf(sentBy),
      totalDue: toMinor(totalDueMinor),
      trackingNumber: events[0]?.reference ?? null,
    })),
    promises: promises.map((p, i) => ({
      id: p.id,
      currency: p.currency,
      amount: promiseFacts[i].amount,
      madeOn: promiseFacts[i].madeOn,
      promisedFor: promiseFacts[i].promisedFor,
      instalment: p.planId !== null,
      status: status.get(p.id) ?? "pending",
      by: nameOf(p.user),
      note: p.note,
    })),
    disputes: disputes.map((d) => ({
      invoiceNumber: d.invoice.number,
      openedOn: dateOnlyFromDb(d.openedOn),
      note: d.note,
      by: nameOf(d.user),
      resolvedOn: d.events[0] ? dateOnlyFromDb(d.events[0].occurredOn) : null,
      resolution: d.events[0]?.note ?? "",
    })),
    handoffs: handoffs.map((h) => ({
      agency: h.agency,
      reference: h.reference,
      handedOverOn: dateOnlyFromDb(h.handedOverOn),
      currency: h.currency,
      amount: toMinor(h.amountMinor),
      by: nameOf(h.user),
      contact: h.agencyContact,
      lines: parseHandoffLines(h.claim),
      includedReason: h.includedReason,
    })),
    history,
    movements,
    newestAt: new Date(Math.max(...instants.map((d) => d.getTime()))),
  };
}

/**
 * letters/letter-<stage>-<date>-<id8>.pdf, as "Download PDF" names it; the
 * full id when two letters would share a name (uuid7 ids share their first
 * characters when sent within a minute or so).
 */
function packLetterName(
  letter: { id: string; stage: number; sentAt: Date },
  all: { id: string; stage: number; sentAt: Date }[],
): string {
  const name = letterPdfFilename(letter);
  const clash = all.some((o) => o.id !== letter.id && letterPdfFilename(o) === name);
  return `letters/${clash ? name.replace(letter.id.slice(0, 8), letter.id) : name}`;
}

/** "2026-11-05 11:00" in the organization's time zone: unambiguous for a reader anywhere. */
export function localStamp(at: Date, timeZone: string): string {
  return format(new TZDate(at, timeZone), "yyyy-MM-dd HH:mm");
}
