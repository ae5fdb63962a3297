import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";
import type { Language, Role } from "@/lib/generated/prisma/enums";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

// Factories for integration tests: each builds real rows with sensible defaults.
// Every test makes its own organization, so tests never see each other's data.

let seq = 0;
const next = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createOrg(db: DbOrTx, data: { timeZone?: string; name?: string } = {}) {
  return db.organization.create({
    data: {
      name: data.name ?? `Test Org ${next()}`,
      timeZone: data.timeZone ?? "Europe/Oslo",
      defaultCurrency: "EUR",
      baseCurrency: "EUR",
      email: "ar@test.example",
      phone: "+47 22 00 00 00",
      addressLine1: "Testveien 1",
      postalCode: "0150",
      city: "Oslo",
      country: "Norway",
      paymentInstructions: "IBAN NO93 8601 1117 947",
    },
  });
}

/** Password hashing is slow by design; tests share one precomputed hash of "correct horse battery". */
export const TEST_PASSWORD = "correct horse battery";
export const TEST_PASSWORD_HASH =
  "scrypt$32768$8$1$MTIzNDU2Nzg5MDEyMzQ1Ng==$FbFNsIpic/xcH+T75FiQL/5TbsFTi4hw2t2s78h8Zkw=";

export async function createUser(db: DbOrTx, orgId: string, role: Role = "COLLECTOR", data: { email?: string } = {}) {
  return db.user.create({
    data: {
      orgId,
      role,
      name: `${role.toLowerCase()} ${next()}`,
      email: data.email ?? `${role.toLowerCase()}-${next()}@test.example`,
      passwordHash: TEST_PASSWORD_HASH,
    },
  });
}

export async function createCustomer(
  db: DbOrTx,
  orgId: string,
  data: {
    name?: string;
    currency?: string;
    language?: Language;
    email?: string;
    /** The legal profile follows it; "US" (generic, no statutory rules) unless a test asks for a country. */
    countryCode?: string | null;
    type?: "business" | "consumer" | "sole_trader";
    agreedToElectronicNotices?: boolean;
  } = {},
) {
  return db.customer.create({
    data: {
      orgId,
      countryCode: data.countryCode === undefined ? "US" : data.countryCode,
      type: data.type ?? "business",
      agreedToElectronicNotices: data.agreedToElectronicNotices ?? false,
      reference: `C-${next()}`,
      name: data.name ?? `Customer ${next()}`,
      currency: data.currency ?? "EUR",
      language: data.language ?? "en",
      email: data.email ?? "ap@customer.example",
      contactPerson: "Pat Payables",
      addressLine1: "Main Street 1",
      postalCode: "1000",
      city: "Springfield",
      country: "Norway",
    },
  });
}

export async function createInvoice(
  db: DbOrTx,
  customer: { id: string; orgId: string; currency: string },
  data: { amountMinor: number; dueDate: DateOnly; issueDate?: DateOnly; number?: string; currency?: string },
) {
  return db.invoice.create({
    data: {
      id: randomUUID(),
      orgId: customer.orgId,
      customerId: customer.id,
      number: data.number ?? `INV-${next()}`,
      issueDate: dateOnlyToDb(data.issueDate ?? data.dueDate),
      dueDate: dateOnlyToDb(data.dueDate),
      amountMinor: BigInt(data.amountMinor),
      currency: data.currency ?? customer.currency,
    },
  });
}

export async function createPayment(
  db: DbOrTx,
  invoice: { id: string; orgId: string; customerId: string; currency: string },
  data: { amountMinor: number; receivedOn: DateOnly },
) {
  return db.payment.create({
    data: {
      orgId: invoice.orgId,
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      currency: invoice.currency,
      amountMinor: BigInt(data.amountMinor),
      receivedOn: dateOnlyToDb(data.receivedOn),
    },
  });
}

export async function createContactAttempt(
  db: DbOrTx,
  customer: { id: string; orgId: string },
  data: { note?: string; occurredAt?: Date; userId?: string; correctsId?: string } = {},
) {
  return db.contactAttempt.create({
    data: {
      orgId: customer.orgId,
      customerId: customer.id,
      occurredAt: data.occurredAt ?? new Date("2026-06-01T09:30:00Z"),
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "NO_ANSWER",
      note: data.note ?? "Called AP, no answer.",
      userId: data.userId,
      correctsId: data.correctsId,
    },
  });
}

export async function createLetter(
  db: DbOrTx,
  customer: { id: string; orgId: string; currency: string },
  data: { stage?: number; registeredMail?: boolean; invoices?: object[] } = {},
) {
  const kase = await db.collectionCase.create({
    data: { orgId: customer.orgId, customerId: customer.id, currency: customer.currency },
  });
  return db.letter.create({
    data: {
      orgId: customer.orgId,
      customerId: customer.id,
      caseId: kase.id,
      stage: data.stage ?? 1,
      language: "en",
      currency: customer.currency,
      subject: "Invoice overdue",
      body: "Dear customer, ...",
      invoices: data.invoices ?? [{ number: "INV-1", openMinor: 1000 }],
      totalDueMinor: 1000n,
      deadlineDate: dateOnlyToDb("2026-07-14"),
      contentSha256: "a".repeat(64),
      registeredMail: data.registeredMail ?? false,
    },
  });
}
