import { createApiToken } from "@/lib/api-runtime/create-api-token";
import type { Actor } from "@/lib/auth/actor";
import { saveAgency } from "@/lib/collections/agencies";
import { openDispute } from "@/lib/collections/disputes";
import { scheduleFollowUp } from "@/lib/collections/follow-ups";
import { recordPaidClaim } from "@/lib/collections/paid-claims";
import { DEFAULT_POLICY } from "@/lib/collections/policy-settings";
import type { Db } from "@/lib/db/client";
import { saveEmailSettings } from "@/lib/delivery/email-settings";
import type { Role } from "@/lib/generated/prisma/enums";
import type { ColumnMapping } from "@/lib/imports/fields";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { validateImport } from "@/lib/imports/validate-import";
import { planFingerprint } from "@/lib/letters/bulk-plan";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import type { PolicyStep } from "@/lib/policies/policy-steps";
import { savePolicy } from "@/lib/policies/save-policy";
import { createCustomerRequest } from "@/lib/portal/create-request";
import { addDaysTo, clockNow, dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import {
  createContactAttempt,
  createCustomer,
  createInvoice,
  createLetter,
  createOrg,
  createPayment,
  createUser,
} from "./factories";
import { MINIMAL_PDF } from "./fixtures/hostile-files";
import { upload } from "./imports";
import { smtpInbox } from "./smtp-inbox";

/** A valid policy: a call task between letters 1 and 2. */
const VALID_POLICY_STEPS: PolicyStep[] = [1, 2, 3, 4].flatMap((stage): PolicyStep[] => [
  ...(stage === 2
    ? [
        {
          key: "call",
          kind: "call_task" as const,
          anchor: "previous_step" as const,
          offsetDays: 5,
          stage: null,
          deadlineDays: null,
          note: "Call AP",
        },
      ]
    : []),
  {
    key: `letter-${stage}`,
    kind: "letter",
    anchor: stage === 1 ? "due_date" : "previous_step",
    offsetDays: stage === 1 ? 3 : 9,
    stage,
    deadlineDays: 14,
    note: "",
  },
]);

// One SMTP listener per test file for the actions that send (the test email), made on first use;
// it does not hold the process open.
let matrixSmtp: Promise<number> | null = null;
function matrixSmtpPort(): Promise<number> {
  matrixSmtp ??= (async () => {
    const inbox = smtpInbox();
    await inbox.listen();
    inbox.unref();
    return inbox.port;
  })();
  return matrixSmtp;
}

/** The costly parts of the fixture, built only for the actions whose row lists them in `needs`. */
export type FixturePart =
  | "dispute"
  | "handedOver"
  | "registeredLetter"
  | "import"
  | "ledger"
  | "followUp"
  | "customerRequests"
  | "review"
  | "policy"
  | "apiToken"
  | "bankLine"
  | "emailSettings"
  | "inboundReplies"
  | "agency"
  | "paidClaim";

/**
 * An organization with one user per role, a user to act on, and some history;
 * and for the collections and import actions, as of the real "now" (what the
 * actions use): an account with an overdue invoice and nothing sent (letters,
 * payments, promises, plans, disputes). On request (`needs`): an open dispute,
 * an account whose letter 3 deadline has passed (hand-off, three letters sent),
 * a registered-mail letter (tracking) and a checked customers file (import).
 * Every test builds its own, so an action that can succeed only once (a letter
 * per stage) succeeds here. A part read but not built throws, naming the row
 * to fix, so a missing `needs` cannot pass silently.
 */
const PART_KEYS: Record<FixturePart, string[]> = {
  dispute: ["disputeId"],
  handedOver: ["handedOver"],
  registeredLetter: ["registeredLetter", "charge"],
  import: ["checkedImport", "importMapping"],
  ledger: ["ledgerCustomer", "ledgerInvoice", "ledgerPayment"],
  followUp: ["followUpId"],
  customerRequests: ["messageRequestId", "promiseRequestId"],
  review: ["reviewId"],
  policy: ["policyId"],
  apiToken: ["apiTokenId"],
  bankLine: ["bankLineId"],
  emailSettings: ["smtpPort"],
  inboundReplies: ["filedReplyId", "queuedReplyId"],
  agency: ["agencyId"],
  paidClaim: ["paidClaimId"],
};

export async function actionFixture(db: Db, needs: readonly FixturePart[] = []) {
  const org = await createOrg(db);
  // Independent rows, written side by side.
  const [ADMIN, COLLECTOR, VIEWER, target, customer] = await Promise.all([
    createUser(db, org.id, "ADMIN"),
    createUser(db, org.id, "COLLECTOR"),
    createUser(db, org.id, "VIEWER"),
    createUser(db, org.id, "COLLECTOR"),
    createCustomer(db, org.id),
  ]);
  const users = { ADMIN, COLLECTOR, VIEWER };
  await createContactAttempt(db, customer);
  const actor: Actor = { userId: users.COLLECTOR.id, role: "COLLECTOR" };
  const today = todayIn(org.timeZone, clockNow());
  const daysAgo = (n: number) => addDaysTo(today, -n);
  const at = (n: number) => instantAt(daysAgo(n), "10:00", org.timeZone);

  const overdueInvoice = await createInvoice(db, customer, { amountMinor: 150_000, dueDate: daysAgo(30) });

  const parts = {
    dispute: async () => {
      const disputed = await createCustomer(db, org.id);
      const disputedInvoice = await createInvoice(db, disputed, { amountMinor: 40_000, dueDate: daysAgo(20) });
      const { disputeId } = await openDispute(db, {
        orgId: org.id,
        actor,
        invoiceId: disputedInvoice.id,
        note: "Goods arrived damaged",
        now: at(5),
      });
      return { disputeId };
    },
    handedOver: async () => {
      const handedOver = await createCustomer(db, org.id);
      await createInvoice(db, handedOver, { amountMinor: 90_000, dueDate: daysAgo(90) });
      for (const [stage, ago] of [
        [1, 80],
        [2, 60],
        [3, 40],
      ] as const) {
        await sendNextLetter(db, {
          orgId: org.id,
          actor,
          customerId: handedOver.id,
          currency: handedOver.currency,
          stage,
          now: at(ago),
        });
      }
      return { handedOver };
    },
    registeredLetter: async () => {
      const mailed = await createCustomer(db, org.id);
      const registeredLetter = await createLetter(db, mailed, { stage: 4, registeredMail: true });
      // A charge the letter claimed (EUR 40 compensation), to be paid against.
      const charge = await db.charge.create({
        data: {
          orgId: org.id,
          customerId: mailed.id,
          letterId: registeredLetter.id,
          kind: "compensation",
          invoiceNumber: "INV-1",
          amountMinor: 4_000n,
          currency: mailed.currency,
          basis: "test",
        },
      });
      return { registeredLetter, charge };
    },
    import: async () => {
      const uploaded = await upload(
        db,
        { orgId: org.id, userId: users.COLLECTOR.id },
        "customers",
        "customers-utf8-bom.csv",
      );
      const importMapping = uploaded.mapping as ColumnMapping;
      await saveImportMapping(db, {
        orgId: org.id,
        importId: uploaded.id,
        mapping: importMapping,
        options: { dateFormat: "iso", decimalSeparator: "." },
      });
      return { checkedImport: await validateImport(db, { orgId: org.id, importId: uploaded.id }), importMapping };
    },
    ledger: async () => {
      // A paid-in-part invoice (its payment to reverse) and unapplied cash to apply.
      const ledgerCustomer = await createCustomer(db, org.id);
      const ledgerInvoice = await createInvoice(db, ledgerCustomer, {
        amountMinor: 80_000,
        issueDate: daysAgo(40),
        dueDate: daysAgo(10),
      });
      const ledgerPayment = await createPayment(db, ledgerInvoice, { amountMinor: 10_000, receivedOn: daysAgo(5) });
      await db.payment.create({
        data: {
          orgId: org.id,
          customerId: ledgerCustomer.id,
          invoiceId: null,
          currency: ledgerCustomer.currency,
          amountMinor: 5_000n,
          receivedOn: dateOnlyToDb(daysAgo(3)),
        },
      });
      return { ledgerCustomer, ledgerInvoice, ledgerPayment };
    },
    followUp: async () => {
      // An open call-back due today on the fixture's customer, to complete or cancel.
      const { followUpId } = await scheduleFollowUp(db, {
        orgId: org.id,
        actor,
        customerId: customer.id,
        dueOn: today,
        note: "Call about the overdue invoice",
        now: clockNow(),
      });
      return { followUpId };
    },
    inboundReplies: async () => {
      // A customer's emailed reply filed on its account (unread) and one waiting in the unassigned queue.
      const reply = (customerId: string | null, n: number) =>
        db.inboundMessage.create({
          data: {
            orgId: org.id,
            customerId,
            matchedBy: customerId ? "token" : null,
            source: "imap",
            messageKey: `${org.id.replace(/-/g, "")}${n}`.padEnd(64, "0").slice(0, 64),
            fromAddress: "ap@customer.example",
            toAddress: "reply@replies.example",
            subject: "Re: Reminder",
            textBody: "We paid.",
            receivedAt: clockNow(),
            raw: Buffer.from("Subject: Re: Reminder\r\n\r\nWe paid.\r\n"),
          },
        });
      const [filed, queued] = [await reply(customer.id, 1), await reply(null, 2)];
      return { filedReplyId: filed.id, queuedReplyId: queued.id };
    },
    customerRequests: async () => {
      // What a customer sent from its page: a message to read and a promise to decide.
      const base = { orgId: org.id, customerId: customer.id, currency: "EUR", source: "portal" };
      const { requestId: messageRequestId } = await createCustomerRequest(db, {
        ...base,
        kind: "MESSAGE",
        message: "Hello",
      });
      const { requestId: promiseRequestId } = await createCustomerRequest(db, {
        ...base,
        kind: "PROMISE",
        amountMinor: 150_000n,
        promisedFor: dateOnlyToDb(addDaysTo(today, 10)),
      });
      return { messageRequestId, promiseRequestId };
    },
    review: async () => {
      // An open internal review a policy planned (no person planned it).
      const review = await db.followUp.create({
        data: {
          orgId: org.id,
          customerId: customer.id,
          dueOn: dateOnlyToDb(today),
          note: "Review before hand-off",
          taskKind: "review",
        },
      });
      return { reviewId: review.id };
    },
    policy: async () => {
      const { policyId } = await savePolicy(db, {
        orgId: org.id,
        userId: ADMIN.id,
        role: "ADMIN",
        policyId: null,
        name: "Key accounts",
        isDefault: false,
        steps: VALID_POLICY_STEPS,
      });
      return { policyId };
    },
    apiToken: async () => {
      const token = await createApiToken(db, {
        orgId: org.id,
        name: `matrix ${Date.now()}-${Math.random()}`,
        scopes: ["read"],
        createdById: users.ADMIN.id,
        via: "settings",
        now: clockNow(),
      });
      return { apiTokenId: token.id };
    },
    emailSettings: async () => {
      // Saved settings pointing at a real SMTP listener, shared by the file (tests/smtp-inbox.ts).
      const smtpPort = await matrixSmtpPort();
      await saveEmailSettings(db, {
        orgId: org.id,
        actor: { userId: ADMIN.id, role: "ADMIN" },
        input: {
          host: "127.0.0.1",
          port: smtpPort,
          security: "none",
          user: "",
          password: "",
          fromName: "Matrix Org",
          fromAddress: "ar@test.example",
          accentColor: "#0f172a",
        },
      });
      return { smtpPort };
    },
    bankLine: async () => {
      // A bank credit waiting in the review queue: the fixture's customer's payment, no reference.
      const statement = await db.bankStatement.create({
        data: {
          orgId: org.id,
          source: "upload",
          byteSize: 1,
          sha256: "0".repeat(64),
          bytes: new Uint8Array([60]),
          status: "processed",
        },
      });
      const line = await db.bankLine.create({
        data: {
          orgId: org.id,
          statementId: statement.id,
          dedupeKey: `matrix-${statement.id}`,
          bookingDate: dateOnlyToDb(today),
          amountMinor: 25_000n,
          currency: "EUR",
          credit: true,
          status: "review",
          reason: "no reference we know",
        },
      });
      return { bankLineId: line.id };
    },
    agency: async () => {
      const { agencyId } = await saveAgency(db, {
        orgId: org.id,
        actor: { userId: ADMIN.id, role: "ADMIN" },
        agencyId: null,
        fields: {
          name: "Nordic Recovery AS",
          address: "Postboks 1, 0101 Oslo",
          email: "cases@nordic.example",
          paymentDetails: "",
          referenceFormat: "NR-####",
        },
      });
      return { agencyId };
    },
    paidClaim: async () => {
      const { id } = await recordPaidClaim(db, {
        orgId: org.id,
        customerId: customer.id,
        currency: customer.currency,
        paidOn: daysAgo(2),
        source: "contact",
        userId: COLLECTOR.id,
      });
      return { paidClaimId: id };
    },
  };
  type Built<K extends FixturePart> = Awaited<ReturnType<(typeof parts)[K]>>;
  const fx = { org, users, target, customer, today, overdueInvoice } as {
    org: typeof org;
    users: typeof users;
    target: typeof target;
    customer: typeof customer;
    today: typeof today;
    overdueInvoice: typeof overdueInvoice;
  } & Built<"dispute"> &
    Built<"handedOver"> &
    Built<"registeredLetter"> &
    Built<"import"> &
    Built<"ledger"> &
    Built<"followUp"> &
    Built<"customerRequests"> &
    Built<"review"> &
    Built<"policy"> &
    Built<"apiToken"> &
    Built<"bankLine"> &
    Built<"emailSettings"> &
    Built<"inboundReplies"> &
    Built<"agency"> &
    Built<"paidClaim">;
  for (const part of Object.keys(parts) as FixturePart[]) {
    if (needs.includes(part)) {
      Object.assign(fx, await parts[part]());
      continue;
    }
    for (const key of PART_KEYS[part])
      Object.defineProperty(fx, key, {
        get() {
          throw new Error(
            `The fixture's ${key} was not built: list "${part}" in the row's needs (tests/action-table.ts).`,
          );
        },
      });
  }
  return fx;
}
export type ActionFixture = Awaited<ReturnType<typeof actionFixture>>;

export interface ActionRow {
  /** Who may run it, written here independently of the definition so the test can fail. */
  allowed: Role[];
  /** The costly fixture parts its input reads (the rest of the fixture is always there). */
  needs?: FixturePart[];
  /** An input that succeeds for an allowed role. */
  validInput: (fx: ActionFixture) => Record<string, unknown>;
  /** Fields holding ids: another organization's id there must give NOT_FOUND. */
  idFields?: string[];
  /** Fields of free text: SQL and HTML there are stored verbatim. */
  textFields?: string[];
  /** Amounts as a person types them ("1,250.50"), read in the account's currency: "0.5" is a real amount there; the rest of the hostile values are refused. */
  amountFields?: string[];
  /** Whole numbers in a range (days): a JSON number such as 42 is a real value there; the rest of the hostile values are refused. */
  numberFields?: string[];
}

const STRONG_PASSWORD = "a long enough passphrase";
const CUSTOMER_TEXT_FIELDS = [
  "reference",
  "name",
  "registrationNumber",
  "vatNumber",
  "contactPerson",
  "phone",
  "addressLine1",
  "addressLine2",
  "postalCode",
  "city",
  "pauseReason",
];
const customerInput = (reference: string) => ({
  reference,
  name: "Bjørkli Rør AS",
  registrationNumber: "987 654 321",
  vatNumber: "",
  type: "business",
  countryCode: "NO",
  language: "nb",
  currency: "EUR",
  contactPerson: "Ola Nordmann",
  email: "faktura@bjorkli.example",
  phone: "+47 22 11 22 33",
  addressLine1: "Rørveien 2",
  addressLine2: "",
  postalCode: "0150",
  city: "Oslo",
  preferredChannel: "post",
  dunning: "paused",
  pauseReason: "Disputes the delivery; waiting for the carrier",
  pauseUntil: "",
});
let n = 0;

/** One row per action (tests/action-registry.ts finds them in lib/), keyed by the action's name. */
export const actionTable: Record<string, ActionRow> = {
  "bank.update_matching": {
    allowed: ["ADMIN"],
    // rfReferences is a checkbox, absent when unticked, so it is not among the required fields:
    // tests/rf-references.test.ts feeds it hostile values.
    validInput: () => ({ kidMode: "mod10", kidLength: "12", paymentsStaleAfterDays: "4" }),
  },
  "bank.resolve_line": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["bankLine"],
    validInput: (fx) => ({
      lineId: fx.bankLineId,
      decision: "credit_on_account",
      customerId: fx.customer.id,
      customerReference: "",
      invoiceIds: "",
      invoiceNumbers: "",
      reason: "Paid from the director's own account",
    }),
    idFields: ["lineId", "customerId"],
    textFields: ["reason", "customerReference", "invoiceNumbers"],
  },
  "users.create": {
    allowed: ["ADMIN"],
    validInput: () => ({
      email: `matrix-${Date.now()}-${n++}@test.example`,
      name: "Matrix Person",
      role: "VIEWER",
      password: STRONG_PASSWORD,
    }),
    textFields: ["name", "password"],
  },
  "users.set_role": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, role: "VIEWER" }),
    idFields: ["userId"],
  },
  "users.set_active": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, active: "false" }),
    idFields: ["userId"],
  },
  "users.reset_password": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ userId: fx.target.id, password: STRONG_PASSWORD }),
    idFields: ["userId"],
    textFields: ["password"],
  },
  "api-runtime.create_token": {
    allowed: ["ADMIN"],
    validInput: () => ({ name: `Matrix ${Date.now()}-${n++}`, scopes: ["read", "write"], expiresOn: "" }),
    textFields: ["name"],
  },
  "api-runtime.revoke_token": {
    allowed: ["ADMIN"],
    needs: ["apiToken"],
    validInput: (fx) => ({ tokenId: fx.apiTokenId }),
    idFields: ["tokenId"],
  },
  "webhooks.create_endpoint": {
    allowed: ["ADMIN"],
    // A literal public address: no DNS needed, and not private.
    validInput: () => ({ url: "https://93.184.215.14/hooks", events: ["letter.sent"] }),
    textFields: [],
  },
  "history.verify": {
    allowed: ["ADMIN", "VIEWER"],
    validInput: () => ({}),
  },

  // Collections: viewers read; collectors and admins work accounts (docs/operations.md, "Trust and evidence").
  "letters.send": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerId: fx.customer.id, currency: "EUR", stage: "1" }),
    idFields: ["customerId"],
  },
  "collections.log_contact": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      type: "call_spoke",
      occurredOn: fx.today,
      time: "00:00",
      note: "Spoke to AP; paying Friday.",
    }),
    idFields: ["customerId"],
    textFields: ["note"],
  },
  "ledger.record_payment": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      currency: "EUR",
      amount: "250.00",
      receivedOn: fx.today,
      invoiceId: fx.overdueInvoice.id,
      method: "bank transfer",
      reference: "BANK-REF-1",
    }),
    idFields: ["customerId", "invoiceId"],
    textFields: ["method", "reference"],
    amountFields: ["amount"],
  },
  "collections.record_promise": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      currency: "EUR",
      amount: "500",
      promisedFor: addDaysTo(fx.today, 7),
      note: "By Friday.",
    }),
    idFields: ["customerId"],
    textFields: ["note"],
    amountFields: ["amount"],
  },
  "collections.record_plan": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      currency: "EUR",
      instalments: `${addDaysTo(fx.today, 10)} 500.00\n${addDaysTo(fx.today, 40)} 1000.00`,
      note: "Agreed by phone.",
    }),
    idFields: ["customerId"],
    textFields: ["note"],
  },
  "collections.open_dispute": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ invoiceId: fx.overdueInvoice.id, note: "Customer says the goods never arrived." }),
    idFields: ["invoiceId"],
    textFields: ["note"],
  },
  "collections.release_paid_claim": {
    allowed: ["ADMIN"],
    needs: ["paidClaim"],
    validInput: (fx) => ({ claimId: fx.paidClaimId, reason: "No such payment on the statements up to today." }),
    idFields: ["claimId"],
    textFields: ["reason"],
  },
  "collections.resolve_dispute": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["dispute"],
    validInput: (fx) => ({ disputeId: fx.disputeId, note: "Credit note agreed." }),
    idFields: ["disputeId"],
    textFields: ["note"],
  },
  "collections.record_handoff": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["handedOver"],
    validInput: (fx) => ({
      customerId: fx.handedOver.id,
      currency: "EUR",
      agency: "Nordic Recovery AS",
      reference: "NR-5531",
      handedOverOn: fx.today,
      amount: "900",
    }),
    idFields: ["customerId"],
    textFields: ["agency", "reference"],
    amountFields: ["amount"],
  },
  "collections.save_agency": {
    allowed: ["ADMIN"],
    validInput: () => ({
      agencyId: "",
      name: "Lindorff AS",
      address: "Postboks 2, 0102 Oslo",
      email: "saker@lindorff.example",
      paymentDetails: "IBAN NO93 8601 1117 947",
      referenceFormat: "L-#####",
    }),
    textFields: ["name", "address", "paymentDetails", "referenceFormat"],
  },
  "collections.remove_agency": {
    allowed: ["ADMIN"],
    needs: ["agency"],
    validInput: (fx) => ({ agencyId: fx.agencyId }),
    idFields: ["agencyId"],
  },
  "statements.email": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerId: fx.customer.id }),
    idFields: ["customerId"],
  },
  "delivery.email_letter": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["registeredLetter"],
    validInput: (fx) => ({ letterId: fx.registeredLetter.id }),
    idFields: ["letterId"],
  },
  "delivery.save_email_settings": {
    allowed: ["ADMIN"],
    validInput: () => ({
      host: "smtp.matrix.example",
      port: "587",
      security: "starttls",
      user: "ar@matrix.example",
      password: "matrix-secret",
      fromName: "Matrix Org",
      fromAddress: "ar@matrix.example",
      accentColor: "#1e3a8a",
    }),
    textFields: ["user", "password", "fromName"],
  },
  "delivery.remove_email_settings": {
    allowed: ["ADMIN"],
    needs: ["emailSettings"],
    validInput: () => ({ confirm: "on" }),
  },
  "delivery.send_test_email": {
    allowed: ["ADMIN"],
    needs: ["emailSettings"],
    validInput: () => ({ to: "matrix-test@customer.example" }),
  },
  "documents.update_letterhead": {
    allowed: ["ADMIN"],
    validInput: () => ({
      name: "Matrix Org AS",
      addressLine1: "Testveien 1",
      addressLine2: "",
      postalCode: "0150",
      city: "Oslo",
      region: "",
      country: "Norway",
      phone: "+47 22 00 00 00",
      email: "ar@test.example",
      website: "",
      registrationNumber: "912 345 678",
      vatNumber: "",
      paymentInstructions: "IBAN NO93 8601 1117 947",
    }),
    // A letterhead phone line is free text ("+47 22 00 45 00, ext. 12").
    textFields: [
      "name",
      "addressLine1",
      "addressLine2",
      "postalCode",
      "city",
      "region",
      "country",
      "phone",
      "website",
      "registrationNumber",
      "vatNumber",
      "paymentInstructions",
    ],
  },
  "documents.save_bank_account": {
    allowed: ["ADMIN"],
    validInput: () => ({
      currency: "NOK",
      bankName: "DNB",
      iban: "NO93 8601 1117 947",
      bic: "DNBANOKK",
      accountNumber: "8601 11 17947",
    }),
    // A domestic account number is written many ways ("12-34-56 12345678", "8601.11.17947").
    textFields: ["bankName", "accountNumber"],
  },
  "invoices.attach_pdf": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      invoiceId: fx.overdueInvoice.id,
      file: new File([Buffer.from(MINIMAL_PDF)], "invoice.pdf", { type: "application/pdf" }),
    }),
    idFields: ["invoiceId"],
  },
  "organizations.update": {
    allowed: ["ADMIN"],
    validInput: () => ({
      name: "Matrix Org AS",
      registrationNumber: "923 456 789",
      vatNumber: "NO923456789MVA",
      countryCode: "NO",
      timeZone: "Europe/Oslo",
      defaultCurrency: "NOK",
      locale: "nb-NO",
      addressLine1: "Testveien 1",
      addressLine2: "",
      postalCode: "0150",
      city: "Oslo",
      region: "",
      contactPerson: "Kari Nordmann",
      email: "ar@test.example",
      phone: "+47 22 00 00 00",
    }),
    textFields: [
      "name",
      "registrationNumber",
      "vatNumber",
      "addressLine1",
      "addressLine2",
      "postalCode",
      "city",
      "region",
      "contactPerson",
      "phone",
    ],
  },
  "portal.mark_read": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["customerRequests"],
    validInput: (fx) => ({ requestId: fx.messageRequestId }),
    idFields: ["requestId"],
  },
  "portal.decide_proposal": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["customerRequests"],
    validInput: (fx) => ({ requestId: fx.promiseRequestId, decision: "accept" }),
    idFields: ["requestId"],
  },
  "inbound.mark_read": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["inboundReplies"],
    validInput: (fx) => ({ messageId: fx.filedReplyId }),
    idFields: ["messageId"],
  },
  "inbound.assign": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["inboundReplies"],
    validInput: (fx) => ({ messageId: fx.queuedReplyId, customerId: fx.customer.id, currency: "EUR" }),
    idFields: ["messageId", "customerId"],
  },
  "inbound.set_reply_domain": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ replyDomain: `r${fx.org.id.slice(0, 8)}.replies.example` }),
  },
  "portal.revoke_links": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerId: fx.customer.id, currency: "EUR" }),
    idFields: ["customerId"],
  },
  // Ownership and call-backs: the working roles (docs/using.md, "A collector's day").
  "customers.assign": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerIds: fx.customer.id, userId: fx.target.id }),
    idFields: ["customerIds", "userId"],
  },
  "collections.schedule_follow_up": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerId: fx.customer.id, dueOn: fx.today, note: "Ask whether the payment left" }),
    idFields: ["customerId"],
    textFields: ["note"],
  },
  "collections.complete_follow_up": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["followUp"],
    validInput: (fx) => ({
      followUpId: fx.followUpId,
      type: "call_spoke",
      occurredOn: fx.today,
      time: "00:00",
      note: "Spoke to AP; paying Friday.",
    }),
    idFields: ["followUpId"],
    textFields: ["note"],
  },
  "collections.cancel_follow_up": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["followUp"],
    validInput: (fx) => ({ followUpId: fx.followUpId }),
    idFields: ["followUpId"],
  },
  "collections.add_internal_note": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      body: "Their CFO changes in June; ask for the new AP contact.",
    }),
    idFields: ["customerId"],
    textFields: ["body"],
  },
  "customers.create": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: () => customerInput(`M-${Date.now()}-${n++}`),
    textFields: CUSTOMER_TEXT_FIELDS,
  },
  "customers.update": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({ customerId: fx.customer.id, ...customerInput(fx.customer.reference) }),
    idFields: ["customerId"],
    textFields: CUSTOMER_TEXT_FIELDS,
  },
  "letters.template": {
    allowed: ["ADMIN"],
    validInput: () => ({ intent: "revert", language: "en", stage: "1", subject: "", body: "" }),
    textFields: ["subject", "body"],
  },
  "letters.record_tracking": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["registeredLetter"],
    validInput: (fx) => ({ letterId: fx.registeredLetter.id, trackingNumber: "RR123456785NO" }),
    idFields: ["letterId"],
    textFields: ["trackingNumber"],
  },
  // Confirms the plan of every due letter (the fixture's overdue account is due letter 1, by post)
  // and starts a run on the job queue; the worker sends.
  "letters.confirm_bulk_send": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      fingerprint: planFingerprint(
        [{ customerId: fx.customer.id, currency: "EUR", stage: 1, channel: "post" }],
        DEFAULT_POLICY,
      ),
    }),
  },
  // The selection toolbar: pause dunning on the selected accounts ("plan" only redirects).
  "letters.act_on_selection": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      intent: "pause",
      accounts: [`${fx.customer.id}:EUR`],
      pauseReason: "Waiting for the new owner's details",
      pauseUntil: "",
    }),
    idFields: ["accounts"],
    textFields: ["pauseReason"],
  },
  // Law: reference rates and charge settings are the administrators'; payments against a charge, the working roles'.
  "law.add_reference_rate": {
    allowed: ["ADMIN"],
    validInput: () => ({
      series: "NO_POLICY",
      from: "2026-07-01",
      referencePercent: "4.00",
      source: "Norges Bank rate decision, June 2026",
    }),
    textFields: ["source"],
    // A rate is a typed decimal: "0.5" is a real rate.
    amountFields: ["referencePercent"],
  },
  "law.add_fee_amount": {
    allowed: ["ADMIN"],
    validInput: () => ({
      kind: "NO_STANDARDKOMPENSASJON",
      from: "2026-07-01",
      amount: "460",
      source: "Forskrift om forsinkelsesrente, July 2026",
    }),
    textFields: ["source"],
    amountFields: ["amount"],
  },
  // The same parser as the worker's fetch; a file with no new half-year is read and reported.
  "law.import_rate_file": {
    allowed: ["ADMIN"],
    validInput: () => ({ series: "BOE_BANK", file: "DATE,IUDBEDR\n30 Jun 2026,3.7500\n" }),
  },
  // Exchange rates are the administrators' (the fixture's organization compares in EUR).
  "rates.enter": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ currency: "NOK", validOn: fx.today, rate: "11.7150", source: "ECB euro reference rate" }),
    textFields: ["source"],
    // A rate is a typed decimal: "0.5" is a real rate.
    amountFields: ["rate"],
  },
  "rates.import_csv": {
    allowed: ["ADMIN"],
    validInput: (fx) => ({ csv: `date,currency,rate\n${fx.today},NOK,11.7150\n`, source: "ECB euro reference rate" }),
    textFields: ["source"],
  },
  "rates.set_base_currency": {
    allowed: ["ADMIN"],
    validInput: () => ({ baseCurrency: "NOK" }),
  },
  // The checkboxes are absent when unticked, so only the required choice is fed hostile values.
  "law.update_settings": {
    allowed: ["ADMIN"],
    validInput: () => ({ contactBeforeLetter1: "profile" }),
  },
  "law.record_charge_payment": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["registeredLetter"],
    validInput: (fx) => ({ chargeId: fx.charge.id, amount: "10.00", receivedOn: fx.today }),
    idFields: ["chargeId"],
    amountFields: ["amount"],
  },
  // Policy, like users and templates, is the administrators' (docs/operations.md, "Trust and evidence").
  "collections.update_policy": {
    allowed: ["ADMIN"],
    validInput: () => ({
      letter1AfterDueDays: "2",
      letter2AfterDays: "10",
      letter3AfterDays: "10",
      letter4AfterDeadlineDays: "1",
      deadlineDays1: "14",
      deadlineDays2: "10",
      deadlineDays3: "10",
      deadlineDays4: "7",
    }),
    numberFields: [
      "letter1AfterDueDays",
      "letter2AfterDays",
      "letter3AfterDays",
      "letter4AfterDeadlineDays",
      "deadlineDays1",
      "deadlineDays2",
      "deadlineDays3",
      "deadlineDays4",
    ],
  },
  // Collection policies, rules and a customer's policy: administrators' (docs/workflows.md).
  "policies.save_policy": {
    allowed: ["ADMIN"],
    // isDefault is an unticked checkbox when absent, so it is not among the required fields.
    validInput: () => ({ policyId: "", name: "Consumers", steps: JSON.stringify(VALID_POLICY_STEPS) }),
    textFields: ["name"],
  },
  "policies.save_rules": {
    allowed: ["ADMIN"],
    needs: ["policy"],
    validInput: (fx) => ({
      rules: JSON.stringify([
        {
          policyId: fx.policyId,
          countryCode: "it",
          customerType: "consumer",
          minOpen: "5000.00",
          minOpenCurrency: "EUR",
          tag: "",
        },
      ]),
    }),
  },
  "policies.assign_customer_policy": {
    allowed: ["ADMIN"],
    needs: ["policy"],
    validInput: (fx) => ({ customerId: fx.customer.id, policyId: fx.policyId, tags: "key account, public-sector" }),
    idFields: ["customerId", "policyId"],
    // Free text split at commas; what a tag may hold is checked by the verb.
    textFields: ["tags"],
  },
  "collections.complete_review": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["review"],
    validInput: (fx) => ({ followUpId: fx.reviewId, note: "History checked; ready for the agency." }),
    idFields: ["followUpId"],
    textFields: ["note"],
  },
  // Import: admins and collectors (docs/using.md, "Data in and out").
  "imports.check": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["import"],
    validInput: (fx) => ({
      importId: fx.checkedImport.id,
      dateFormat: "iso",
      decimalSeparator: ".",
      "map.name": fx.importMapping.name,
    }),
    idFields: ["importId"],
  },
  "imports.headerRow": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["import"],
    validInput: (fx) => ({ importId: fx.checkedImport.id, headerLine: "1" }),
    idFields: ["importId"],
  },
  "imports.commit": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["import"],
    validInput: (fx) => ({ importId: fx.checkedImport.id }),
    idFields: ["importId"],
  },
  // The ledger: admins and collectors (docs/using.md, "Invoices and corrections").
  "ledger.enter_invoice": {
    allowed: ["ADMIN", "COLLECTOR"],
    validInput: (fx) => ({
      customerId: fx.customer.id,
      number: `HAND-${Date.now()}-${n++}`,
      issueDate: fx.today,
      dueDate: addDaysTo(fx.today, 30),
      amount: "1,250.50",
      currency: "EUR",
    }),
    idFields: ["customerId"],
    textFields: ["number"],
    amountFields: ["amount"],
  },
  "ledger.credit_note": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["ledger"],
    validInput: (fx) => ({
      invoiceId: fx.ledgerInvoice.id,
      number: `CN-${Date.now()}-${n++}`,
      amount: "100.00",
      issuedOn: fx.today,
      reason: "Price error on line 2",
    }),
    idFields: ["invoiceId"],
    textFields: ["number", "reason"],
    amountFields: ["amount"],
  },
  "ledger.write_off": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["ledger"],
    validInput: (fx) => ({ invoiceId: fx.ledgerInvoice.id, reason: "Uncollectable" }),
    idFields: ["invoiceId"],
    textFields: ["reason"],
  },
  "ledger.extend_due_date": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["ledger"],
    validInput: (fx) => ({ invoiceId: fx.ledgerInvoice.id, newDueDate: addDaysTo(fx.today, 14), reason: "Agreed" }),
    idFields: ["invoiceId"],
    textFields: ["reason"],
  },
  "ledger.reverse_payment": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["ledger"],
    validInput: (fx) => ({ paymentId: fx.ledgerPayment.id, reason: "Bounced" }),
    idFields: ["paymentId"],
    textFields: ["reason"],
  },
  "ledger.apply_credit": {
    allowed: ["ADMIN", "COLLECTOR"],
    needs: ["ledger"],
    validInput: (fx) => ({ invoiceId: fx.ledgerInvoice.id }),
    idFields: ["invoiceId"],
  },
};

/**
 * What an action could have changed in the fixture's organization: if this is
 * equal before and after a refused call, the call changed nothing. Every change
 * writes an audit event (or another history entry), which advances the chain
 * head; users are compared too in case a change forgot its audit record.
 */
export async function orgSnapshot(db: Db, orgId: string) {
  const [head, users] = await Promise.all([
    db.historyChainHead.findUnique({ where: { orgId } }),
    db.user.findMany({ where: { orgId }, orderBy: { id: "asc" } }),
  ]);
  return { seq: head?.seq ?? 0n, hash: head?.headHash ?? "", users };
}
