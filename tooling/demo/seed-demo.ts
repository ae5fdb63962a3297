import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import { hashPassword } from "@/lib/auth/password";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContactOutcome, Role } from "@/lib/generated/prisma/enums";
import { checkpointHistory } from "@/lib/history/checkpoint";
import { profileFor } from "@/lib/law/profile";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { letterDeadline } from "@/lib/letters/deadline";
import { renderLetter } from "@/lib/letters/render";
import { englishLocale } from "@/lib/locale/letter-format";
import { addDaysTo, type DateOnly, dateOnlyToDb, daysBetween, formatDateOnly, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { DEMO_COMPANIES } from "./demo-companies";
import { demoExchangeRates } from "./demo-rates";
import { writeDemoSnapshots } from "./demo-snapshots";
import { createRandom } from "./random";

export const DEMO_ORG_ID = "0193a000-0000-7000-8000-00000000de5e";
export const DEMO_PASSWORD = "demo-password";
export const DEMO_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@demo.dunningdesk.test", name: "Astrid Admin", role: "ADMIN" },
  { email: "collector@demo.dunningdesk.test", name: "Colin Collector", role: "COLLECTOR" },
  { email: "viewer@demo.dunningdesk.test", name: "Vera Viewer", role: "VIEWER" },
];
const TIME_ZONE = "Europe/Oslo";
const DEMO_ORG = {
  name: "Aurora Components AS",
  addressLine1: "Akersgata 32",
  addressLine2: "",
  postalCode: "0180",
  city: "Oslo",
  country: "Norway",
  countryCode: "NO",
  registrationNumber: "912 345 678",
  vatNumber: "NO 912 345 678 MVA",
  contactPerson: "Colin Collector, Accounts Receivable",
  phone: "+47 22 00 45 00",
  email: "receivables@aurora-components.example",
  website: "aurora-components.example",
  // Other accepted payment methods; the bank transfer comes from DEMO_BANK_ACCOUNTS.
  paymentInstructions: "",
  locale: "en-GB",
};

/** Where the demo's customers pay, one account per currency (letters pick by the account's currency). */
const DEMO_BANK_ACCOUNTS = [
  {
    currency: "NOK",
    bankName: "DNB",
    iban: "NO93 8601 1117 947",
    bic: "DNBANOKK",
    accountNumber: "8601 11 17947",
    usesKid: false,
  },
  { currency: "EUR", bankName: "DNB", iban: "NO20 8601 1117 955", bic: "DNBANOKK", accountNumber: "", usesKid: false },
  { currency: "USD", bankName: "DNB", iban: "NO51 8601 1117 963", bic: "DNBANOKK", accountNumber: "", usesKid: false },
];

export interface SeedSummary {
  created: boolean;
  customers: number;
  invoices: number;
  payments: number;
  contacts: number;
  letters: number;
}

/**
 * Creates the demo company once; a second run finds it and changes nothing. `orgId` and `users`
 * make another copy of it beside the first, with its own sign-ins (the browser tests give each
 * spec that changes data a copy of its own).
 */
export async function seedDemo(
  database: Db,
  opts: { now?: Date; orgId?: string; users?: typeof DEMO_USERS } = {},
): Promise<SeedSummary> {
  const orgId = opts.orgId ?? DEMO_ORG_ID;
  const existing = await database.organization.findUnique({ where: { id: orgId } });
  if (existing) return { created: false, customers: 0, invoices: 0, payments: 0, contacts: 0, letters: 0 };

  const today = todayIn(TIME_ZONE, opts.now);
  const rnd = createRandom(20261125);
  const extra = createRandom(20261126);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const customers: Prisma.CustomerCreateManyInput[] = [];
  const invoices: {
    id: string;
    customerId: string;
    number: string;
    issueDate: Date;
    dueDate: Date;
    amountMinor: bigint;
    currency: string;
    orgId: string;
  }[] = [];
  const payments: {
    orgId: string;
    customerId: string;
    invoiceId: string;
    amountMinor: bigint;
    currency: string;
    receivedOn: Date;
    method: string;
    reference: string;
  }[] = [];
  const cases: { id: string; orgId: string; customerId: string; currency: string; openedAt: Date }[] = [];
  const letters: Prisma.LetterCreateManyInput[] = [];
  const promises: Prisma.PaymentPromiseCreateManyInput[] = [];
  const disputes: Prisma.InvoiceDisputeCreateManyInput[] = [];
  const contacts: {
    orgId: string;
    customerId: string;
    caseId?: string;
    letterId?: string;
    occurredAt: Date;
    channel: "LETTER" | "EMAIL" | "PHONE";
    direction: "OUTBOUND" | "INBOUND";
    outcome: ContactOutcome;
    note: string;
  }[] = [];

  let invoiceSeq = 0;
  let thirdLetters = 0; // a few accounts get letter 3 with its deadline passed: ready for a hand-off
  let customerSeq = 1000;
  for (const profile of DEMO_COMPANIES) {
    for (const name of profile.names) {
      const customerId = randomUUID();
      const [postalCode, city, region = ""] = rnd.pick(profile.cities);
      customerSeq += 1;
      customers.push({
        id: customerId,
        orgId: orgId,
        reference: `C-${customerSeq}`,
        name,
        contactPerson: rnd.pick(profile.contacts),
        email: `accounts@${name
          .toLowerCase()
          .normalize("NFKD")
          .replace(/[^a-z]+/g, "")
          .slice(0, 18)}.example`,
        phone: `${profile.phonePrefix}${String(rnd.int(10, 99))}`,
        addressLine1: rnd.pick(profile.streets),
        postalCode,
        city,
        region,
        country: profile.country,
        countryCode: profile.countryCode,
        language: profile.language,
        currency: profile.currency,
      });
      // How reliably this customer pays: most pay, some are slow, a few stop.
      const reliability = rnd.pick([0.95, 0.95, 0.8, 0.6, 0.25]);
      const count = rnd.int(5, 12);
      const customerInvoices: {
        id: string;
        number: string;
        issue: DateOnly;
        due: DateOnly;
        amount: number;
        paid: number;
      }[] = [];
      for (let i = 0; i < count; i++) {
        invoiceSeq += 1;
        const issue = addDaysTo(today, -rnd.int(0, 210));
        const due = addDaysTo(issue, profile.language === "nb" ? 14 : 30);
        const amount = rnd.int(150, 18_000) * 100 + rnd.pick([0, 0, 50, 99, 25]);
        const id = randomUUID();
        const number = `INV-${issue.slice(0, 4)}-${String(invoiceSeq).padStart(4, "0")}`;
        invoices.push({
          id,
          orgId: orgId,
          customerId,
          number,
          issueDate: dateOnlyToDb(issue),
          dueDate: dateOnlyToDb(due),
          amountMinor: BigInt(amount),
          currency: profile.currency,
        });
        const dpd = daysBetween(due, today);
        let paid = 0;
        const roll = rnd.next();
        if (dpd > -5 && roll < reliability) paid = amount;
        else if (roll < reliability + 0.12) paid = Math.round((amount * rnd.int(20, 70)) / 100);
        if (paid > 0) {
          const latest = daysBetween(due, today);
          const receivedOn = addDaysTo(due, Math.min(latest, rnd.int(-12, 25)));
          const when = receivedOn < issue ? issue : receivedOn;
          payments.push({
            orgId: orgId,
            customerId,
            invoiceId: id,
            amountMinor: BigInt(paid),
            currency: profile.currency,
            receivedOn: dateOnlyToDb(when),
            method: rnd.pick(["bank transfer", "bank transfer", "card", "cheque"]),
            reference: `PMT-${invoiceSeq}`,
          });
        }
        customerInvoices.push({ id, number, issue, due, amount, paid });
      }
      addContactHistory(customerId, profile.language, profile.currency, customerInvoices, customers.at(-1)!);
    }
  }

  function addContactHistory(
    customerId: string,
    language: "en" | "it" | "nb",
    currency: string,
    list: { id: string; number: string; issue: DateOnly; due: DateOnly; amount: number; paid: number }[],
    c: Prisma.CustomerCreateManyInput,
  ) {
    const customer = {
      name: c.name,
      contactPerson: c.contactPerson ?? "",
      addressLine1: c.addressLine1 ?? "",
      addressLine2: c.addressLine2 ?? "",
      postalCode: c.postalCode ?? "",
      city: c.city ?? "",
      country: c.country ?? "",
      countryCode: c.countryCode ?? null,
      region: c.region ?? "",
    };
    const overdue = list.filter((i) => i.paid < i.amount && daysBetween(i.due, today) > 0);
    if (!overdue.length) return;
    const oldestDue = overdue.map((i) => i.due).sort()[0];
    const oldest = daysBetween(oldestDue, today);
    const at = (days: number, time = "10:15") => instantAt(addDaysTo(oldestDue, days), time, TIME_ZONE);
    if (oldest >= 4)
      contacts.push({
        orgId: orgId,
        customerId,
        occurredAt: at(3, "09:05"),
        channel: "EMAIL",
        direction: "OUTBOUND",
        outcome: "SENT",
        note: "Overdue notice emailed with invoice copy.",
      });
    if (oldest >= 9) {
      const outcome = rnd.pick<ContactOutcome>(["NO_ANSWER", "VOICEMAIL", "SPOKE"]);
      contacts.push({
        orgId: orgId,
        customerId,
        occurredAt: at(8, "14:30"),
        channel: "PHONE",
        direction: "OUTBOUND",
        outcome,
        note:
          outcome === "SPOKE"
            ? "Spoke to accounts payable; they will check the invoice."
            : outcome === "VOICEMAIL"
              ? "Left a voicemail asking for a call back."
              : "No answer.",
      });
    }
    if (oldest < 21) return;
    const caseId = randomUUID();
    cases.push({ id: caseId, orgId: orgId, customerId, currency, openedAt: at(14, "08:00") });
    const stages = oldest >= 50 && rnd.chance(0.6) ? [1, 2] : [1];
    if (stages.length === 2 && oldest >= 90 && thirdLetters < 3) {
      stages.push(3);
      thirdLetters += 1;
    }
    const sentDay = { 1: 14, 2: 30, 3: 46 } as Record<number, number>;
    let lastDeadline: DateOnly | null = null;
    for (const stage of stages) {
      const sentOn = addDaysTo(oldestDue, sentDay[stage]);
      const sentAt = instantAt(sentOn, "11:00", TIME_ZONE);
      const deadline = letterDeadline(sentOn, 14, lastDeadline);
      lastDeadline = deadline;
      const lines = overdue.filter((i) => i.due < sentOn);
      const invoicesCovered = lines.map((i) => ({
        invoiceId: i.id,
        number: i.number,
        issueDate: i.issue,
        dueDate: i.due,
        amountMinor: i.amount,
        openMinor: i.amount - i.paid,
        daysPastDue: daysBetween(i.due, sentOn),
      }));
      const letterId = randomUUID();
      // Rendered with the real templates, from the contact history so far.
      const { subject, body } = renderLetter({
        stage: stage as 1 | 2 | 3,
        language,
        profile: profileFor(customer.countryCode).id,
        customerType: c.type ?? "business",
        locale: language === "en" ? englishLocale(customer.countryCode, DEMO_ORG.locale) : DEMO_ORG.locale,
        currency,
        letterDate: sentOn,
        deadline,
        org: { ...DEMO_ORG, paymentMethods: DEMO_ORG.paymentInstructions },
        customer,
        invoices: invoicesCovered,
        charges: [],
        bank: DEMO_BANK_ACCOUNTS.find((a) => a.currency === currency) ?? null,
        contacts: contacts
          .filter((c) => c.customerId === customerId && c.occurredAt < sentAt)
          .map((c) => ({
            kind: "contact" as const,
            on: todayIn(TIME_ZONE, c.occurredAt),
            channel: c.channel,
            direction: c.direction,
            outcome: c.outcome,
            letterStage: letters.find((l) => l.id === c.letterId)?.stage ?? null,
          })),
      });
      letters.push({
        id: letterId,
        orgId: orgId,
        customerId,
        caseId,
        stage,
        language,
        currency,
        subject,
        body,
        invoices: invoicesCovered,
        totalDueMinor: BigInt(invoicesCovered.reduce((s, i) => s + i.openMinor, 0)),
        deadlineDate: dateOnlyToDb(deadline),
        reason: "Demo history",
        contentSha256: letterSha256(subject, body),
        sentAt,
      });
      contacts.push({
        orgId: orgId,
        customerId,
        caseId,
        letterId,
        occurredAt: sentAt,
        channel: "LETTER",
        direction: "OUTBOUND",
        outcome: "SENT",
        note: `Letter ${stage} sent; payment deadline ${formatDateOnly(deadline, DEMO_ORG.locale)}.`,
      });
    }
    if (rnd.chance(0.3))
      contacts.push({
        orgId: orgId,
        customerId,
        caseId,
        occurredAt: at(19, "13:40"),
        channel: "EMAIL",
        direction: "INBOUND",
        outcome: "REPLIED",
        note: "Customer replied: payment is being processed.",
      });
    if (stages.length < 3)
      addCommitments(customerId, caseId, currency, overdue, addDaysTo(oldestDue, sentDay[stages.length]));
  }

  // Promises (some already broken) and disputes, from their own random stream so
  // that the invoices and payments stay exactly as before they were added.
  function addCommitments(
    customerId: string,
    caseId: string,
    currency: string,
    overdue: { id: string; amount: number; paid: number }[],
    lastLetterOn: DateOnly,
  ) {
    const open = overdue.reduce((s, i) => s + i.amount - i.paid, 0);
    const madeOn = addDaysTo(lastLetterOn, 3);
    if (madeOn <= today && extra.chance(0.3)) {
      const promisedFor = addDaysTo(today, extra.int(-6, 10));
      if (promisedFor >= madeOn) {
        const amount = Math.max(1, Math.round(open / 200) * 100);
        promises.push({
          orgId: orgId,
          customerId,
          caseId,
          currency,
          amountMinor: BigInt(amount),
          madeOn: dateOnlyToDb(madeOn),
          promisedFor: dateOnlyToDb(promisedFor),
          note: "Promised on the phone.",
        });
        contacts.push({
          orgId: orgId,
          customerId,
          caseId,
          occurredAt: instantAt(madeOn, "10:30", TIME_ZONE),
          channel: "PHONE",
          direction: "OUTBOUND",
          outcome: "SPOKE",
          note: `Customer promised to pay part of the balance by ${promisedFor}.`,
        });
      }
    }
    if (overdue.length >= 2 && extra.chance(0.2)) {
      const openedOn = addDaysTo(today, -extra.int(1, 10));
      disputes.push({
        orgId: orgId,
        customerId,
        invoiceId: overdue.at(-1)!.id,
        openedOn: dateOnlyToDb(openedOn),
        note: "Customer says the delivery was incomplete and asks for a credit note.",
      });
      contacts.push({
        orgId: orgId,
        customerId,
        caseId,
        occurredAt: instantAt(openedOn, "09:45", TIME_ZONE),
        channel: "EMAIL",
        direction: "INBOUND",
        outcome: "REPLIED",
        note: "Customer disputes an invoice: delivery incomplete.",
      });
    }
  }

  await database.$transaction(
    async (tx) => {
      await tx.organization.create({
        data: { id: orgId, ...DEMO_ORG, timeZone: TIME_ZONE, defaultCurrency: "EUR", baseCurrency: "EUR" },
      });
      const users = (opts.users ?? DEMO_USERS).map((u) => ({ ...u, id: randomUUID(), orgId: orgId, passwordHash }));
      await tx.orgBankAccount.createMany({ data: DEMO_BANK_ACCOUNTS.map((a) => ({ ...a, orgId })) });
      // USD and NOK against the base currency, so the worklist and the report compare all three.
      await tx.exchangeRate.createMany({ data: demoExchangeRates(orgId, today) });
      await tx.user.createMany({ data: users });
      const collector = users.find((u) => u.role === "COLLECTOR")!.id;
      await tx.customer.createMany({ data: customers });
      await tx.invoice.createMany({ data: invoices });
      await tx.payment.createMany({ data: payments.map((p) => ({ ...p, enteredById: collector })) });
      await tx.collectionCase.createMany({ data: cases });
      await tx.letter.createMany({ data: letters.map((l) => ({ ...l, sentById: collector })) });
      await tx.contactAttempt.createMany({ data: contacts.map((c) => ({ ...c, userId: collector })) });
      await tx.paymentPromise.createMany({ data: promises.map((p) => ({ ...p, userId: collector })) });
      await tx.invoiceDispute.createMany({ data: disputes.map((d) => ({ ...d, userId: collector })) });
      const admin = users.find((u) => u.role === "ADMIN")!.id;
      await seedTasks(tx, {
        orgId,
        today,
        collector,
        admin,
        customerIds: [...new Set(cases.map((c) => c.customerId))],
      });
      await writeDemoSnapshots(tx, { orgId, today });
      await recordAudit(
        tx,
        { orgId: orgId },
        { kind: "demo.seeded", payload: { customers: customers.length, invoices: invoices.length } },
      );
      // A sent letter always has a signed checkpoint at or after it (send-next-letter.ts), and
      // "Verify history" flags one without (lib/history/verify-coverage.ts): the demo's letters,
      // written here in bulk, get theirs the same way, one checkpoint over everything seeded.
      await checkpointHistory(tx, { orgId, now: opts.now ?? new Date() });
    },
    { timeout: 120_000 },
  );
  return {
    created: true,
    customers: customers.length,
    invoices: invoices.length,
    payments: payments.length,
    contacts: contacts.length,
    letters: letters.length,
  };
}

const CALL_BACKS: [number, string][] = [
  [-3, "Call back: they were waiting for the director's signature on the payment."],
  [-1, "Ask whether the transfer promised on the phone has left."],
  [0, "Call the accounts department about the oldest invoice."],
  [0, "Check the new AP contact's email address and resend the statement."],
  [2, "Follow up on the partial payment they proposed."],
  [7, "Call back after their month-end run."],
];
const NOTES = [
  "Their CFO changes next month; AP is short-staffed until then.",
  "Good payer historically: a friendly tone works, they pay within days of a call.",
  "Asked twice for a credit note on an unrelated order; keep that separate from this claim.",
];

/**
 * Who works which account, call-backs and internal notes, so Today and "My accounts" have
 * something to show: accounts with a case alternate between the collector, the admin and
 * nobody; the first six get a call-back (overdue, due today, planned), three get a note.
 */
async function seedTasks(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; collector: string; admin: string; customerIds: string[] },
) {
  const owner = [opts.collector, opts.admin, null];
  for (const [i, userId] of owner.entries()) {
    const ids = opts.customerIds.filter((_, k) => k % owner.length === i);
    if (userId && ids.length)
      await tx.customer.updateMany({ where: { id: { in: ids } }, data: { assignedUserId: userId } });
  }
  await tx.followUp.createMany({
    data: CALL_BACKS.slice(0, opts.customerIds.length).map(([days, note], i) => ({
      orgId: opts.orgId,
      customerId: opts.customerIds[i],
      dueOn: dateOnlyToDb(addDaysTo(opts.today, days)),
      note,
      createdById: opts.collector,
      // Planned a few days back, in the demo's past like the rest of its history.
      createdAt: instantAt(addDaysTo(opts.today, Math.min(days, 0) - 4), "15:20", TIME_ZONE),
    })),
  });
  await tx.internalNote.createMany({
    data: NOTES.slice(0, opts.customerIds.length).map((body, i) => ({
      orgId: opts.orgId,
      customerId: opts.customerIds[i],
      userId: i === 1 ? opts.admin : opts.collector,
      body,
      createdAt: instantAt(addDaysTo(opts.today, -(i + 2)), "16:05", TIME_ZONE),
    })),
  });
}
