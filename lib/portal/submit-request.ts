import { z } from "zod";
import { EARLIEST_DATE } from "@/lib/actions/fields";
import { openDisputeIn } from "@/lib/collections/disputes";
import { recordPaidClaim } from "@/lib/collections/paid-claims";
import { MAX_INSTALMENTS } from "@/lib/collections/record-plan";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { formatMoney, parseMoney } from "@/lib/money/money";
import { type DateOnly, dateOnlyToDb, isDateOnly, todayIn } from "@/lib/time/dates";
import { createCustomerRequest } from "./create-request";
import { inspectCustomerFile, MAX_CUSTOMER_FILE_BYTES, safeFilename, sha256Hex } from "./customer-file";
import { isRateLimited, PORTAL_LIMITS, takeRateToken } from "./rate-limit";
import { type PortalAccount, resolvePortalLink } from "./resolve-link";
import { PORTAL_WORDS, type PortalWords } from "./wording";

// What a customer does on their page: says it has paid, disputes an invoice, asks
// for time, writes to us. Each is one transaction: an inbound contact-history entry
// on channel PORTAL, the request a collector sees on Today, its audit record, and
// for a dispute the dispute itself (the invoice leaves the letters at once). Nothing
// here changes an amount or deletes anything; the link decides the account, never
// the form.

export type PortalActionKind = "paid" | "dispute" | "time" | "message";

export type PortalResult =
  | { ok: true; message: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

const MAX_TEXT = 4000;

/** The forms' fields, with messages in the customer's language. Strings only: nothing is coerced. */
function schemas(w: PortalWords, today: DateOnly) {
  const text = (max: number) => z.string({ message: w.errors.text }).trim().max(max, w.errors.text);
  const required = (max: number) => text(max).min(1, w.errors.text);
  const pastDay = z
    .string({ message: w.errors.date })
    .trim()
    .refine((d) => isDateOnly(d) && d >= EARLIEST_DATE && d <= today, w.errors.date);
  const futureDay = z
    .string({ message: w.errors.date })
    .trim()
    .refine((d) => isDateOnly(d) && d > today && d <= "2099-12-31", w.errors.date);
  return {
    paid: z.object({
      paidOn: pastDay,
      amount: z.string({ message: w.errors.amount }),
      reference: text(140).optional(),
    }),
    dispute: z.object({
      invoiceId: z.uuid({ message: w.errors.invoice }),
      reason: required(MAX_TEXT),
      file: z.instanceof(Blob).optional(),
    }),
    time: z.object({
      promisedFor: z.union([z.literal(""), futureDay]).optional(),
      instalments: text(MAX_TEXT).optional(),
      note: text(MAX_TEXT).optional(),
    }),
    message: z.object({ text: required(MAX_TEXT) }),
    futureDay,
  };
}

const refusal = (code: ErrorCode, message: string, fieldErrors?: Record<string, string[]>): PortalResult => ({
  ok: false,
  code,
  message,
  fieldErrors,
});

/** One submission from the customer's page: rate limits, the link, the fields, then one transaction. */
export async function submitPortalRequest(
  db: Db,
  opts: { token: string; ip: string; now: Date; rateNow?: Date; kind: PortalActionKind; raw: Record<string, unknown> },
): Promise<PortalResult> {
  // The limits count in wall-clock time even when the app's clock is frozen (demos, e2e).
  const rateAt = opts.rateNow ?? opts.now;
  const en = PORTAL_WORDS.en;
  const ipKey = `portal:bad:${opts.ip}`;
  if (await isRateLimited(db, ipKey, PORTAL_LIMITS.badToken, rateAt)) return refusal("RATE_LIMITED", en.tooMany);
  const link = await resolvePortalLink(db, opts.token, opts.now);
  if (!link.ok) {
    await takeRateToken(db, ipKey, PORTAL_LIMITS.badToken, rateAt);
    return refusal("NOT_FOUND", en.deadLink.text);
  }
  const account = link.account;
  const customer = await db.customer.findFirstOrThrow({
    where: { id: account.customerId, orgId: account.orgId },
    select: { language: true },
  });
  const w = PORTAL_WORDS[customer.language];
  if (!(await takeRateToken(db, `portal:action:${account.linkId}`, PORTAL_LIMITS.action, rateAt)))
    return refusal("RATE_LIMITED", w.tooMany);
  const org = await db.organization.findUniqueOrThrow({ where: { id: account.orgId }, select: { timeZone: true } });
  const today = todayIn(org.timeZone, opts.now);
  for (const value of Object.values(opts.raw)) {
    if (typeof value === "string" && value.includes("\u0000")) return refusal("INVALID_INPUT", w.errors.invalid);
  }
  try {
    const message = await run(db, { ...opts, account, w, today });
    return { ok: true, message };
  } catch (error) {
    if (error instanceof AppError) return refusal(error.code, error.message, error.fieldErrors);
    console.error("Customer page request failed", error);
    return refusal("INTERNAL", w.errors.generic);
  }
}

function fieldError(w: PortalWords, field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", w.errors.invalid, { [field]: [message] });
}

function parsed<S extends z.ZodType>(w: PortalWords, schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new AppError("INVALID_INPUT", w.errors.invalid, fieldErrors);
}

function amountOf(w: PortalWords, input: string, currency: string, field: string): number {
  const money = parseMoney(input, currency);
  if (!money.ok || money.minor <= 0) throw fieldError(w, field, w.errors.amount);
  return money.minor;
}

interface RunContext {
  kind: PortalActionKind;
  raw: Record<string, unknown>;
  now: Date;
  account: PortalAccount;
  w: PortalWords;
  today: DateOnly;
}

async function run(db: Db, c: RunContext): Promise<string> {
  const s = schemas(c.w, c.today);
  const { account, w } = c;
  const money = (minor: number) => formatMoney(minor, account.currency, "en-GB");
  const base = { orgId: account.orgId, customerId: account.customerId, currency: account.currency, source: "portal" };
  switch (c.kind) {
    case "paid": {
      const input = parsed(w, s.paid, c.raw);
      const amountMinor = amountOf(w, input.amount, account.currency, "amount");
      const reference = input.reference ?? "";
      await db.$transaction(async (tx) => {
        const contactId = await logPortalContact(
          tx,
          c,
          `Says it paid ${money(amountMinor)} on ${input.paidOn}${reference ? ` (reference: ${reference})` : ""}.`,
        );
        // The claim goes to the one store of claims (it holds the next letter); the request is Today's notice of it.
        const claim = await recordPaidClaim(tx, {
          ...base,
          paidOn: input.paidOn,
          amountMinor,
          reference,
          source: "portal",
        });
        await createCustomerRequest(tx, { ...base, kind: "PAID_CLAIM", contactId, paidClaimId: claim.id });
      });
      return w.paid.done;
    }
    case "dispute": {
      const input = parsed(w, s.dispute, c.raw);
      const file = input.file && input.file.size > 0 ? await readUpload(w, input.file) : null;
      await db.$transaction(async (tx) => {
        const dispute = await openDisputeIn(tx, {
          orgId: account.orgId,
          userId: null,
          invoiceId: input.invoiceId,
          customerId: account.customerId,
          currency: account.currency,
          note: `From the customer's page: ${input.reason}`,
          now: c.now,
        }).catch((error: unknown) => {
          // Another account's invoice reads as "not one of yours", whatever the reason.
          if (error instanceof AppError) throw fieldError(w, "invoiceId", w.errors.invoice);
          throw error;
        });
        const contactId = await logPortalContact(tx, c, `Disputes invoice ${dispute.invoiceNumber}: ${input.reason}`);
        const stored = file
          ? await tx.customerFile.create({
              data: { orgId: account.orgId, customerId: account.customerId, ...file },
              select: { id: true },
            })
          : null;
        await createCustomerRequest(tx, {
          ...base,
          kind: "DISPUTE",
          contactId,
          invoiceId: input.invoiceId,
          message: input.reason,
          fileId: stored?.id ?? null,
        });
      });
      return w.dispute.done;
    }
    case "time": {
      const input = parsed(w, s.time, c.raw);
      const note = input.note ?? "";
      const lines = (input.instalments ?? "")
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      if (input.promisedFor && lines.length) throw fieldError(w, "instalments", w.errors.plan);
      if (!input.promisedFor && !lines.length) throw fieldError(w, "promisedFor", w.errors.date);
      const instalments = lines.length ? parsePlan(w, lines, account.currency, c.today) : null;
      await db.$transaction(async (tx) => {
        if (instalments) {
          const text = instalments.map((i) => `${money(i.amountMinor)} by ${i.dueOn}`).join(", ");
          const contactId = await logPortalContact(tx, c, `Proposes a payment plan: ${text}.${note ? ` ${note}` : ""}`);
          await createCustomerRequest(tx, { ...base, kind: "PLAN", contactId, instalments, message: note });
        } else {
          const promisedFor = input.promisedFor as DateOnly;
          const amountMinor = await payableMinor(tx, account);
          const contactId = await logPortalContact(
            tx,
            c,
            `Asks for time: promises to pay ${money(amountMinor)} by ${promisedFor}.${note ? ` ${note}` : ""}`,
          );
          await createCustomerRequest(tx, {
            ...base,
            kind: "PROMISE",
            contactId,
            promisedFor: dateOnlyToDb(promisedFor),
            amountMinor: BigInt(amountMinor),
            message: note,
          });
        }
      });
      return w.time.done;
    }
    case "message": {
      const input = parsed(w, s.message, c.raw);
      await db.$transaction(async (tx) => {
        const contactId = await logPortalContact(tx, c, `Message: ${input.text}`);
        await createCustomerRequest(tx, { ...base, kind: "MESSAGE", contactId, message: input.text });
      });
      return w.message.done;
    }
  }
}

async function readUpload(w: PortalWords, file: Blob) {
  if (file.size > MAX_CUSTOMER_FILE_BYTES)
    throw fieldError(w, "file", w.errors.fileSize(MAX_CUSTOMER_FILE_BYTES / 1024));
  const bytes = new Uint8Array(await file.arrayBuffer());
  const check = await inspectCustomerFile(bytes);
  if (!check.ok)
    throw fieldError(
      w,
      "file",
      check.reason === "size" ? w.errors.fileSize(MAX_CUSTOMER_FILE_BYTES / 1024) : w.errors.fileType,
    );
  const name = file instanceof File ? file.name : "attachment";
  return {
    filename: safeFilename(name, check.contentType),
    contentType: check.contentType,
    sha256: sha256Hex(bytes),
    bytes: Buffer.from(bytes),
  };
}

/** "2027-01-15 500.00" per line: dates after today and in order, amounts above zero, at most 24. */
function parsePlan(w: PortalWords, lines: string[], currency: string, today: DateOnly) {
  if (lines.length > MAX_INSTALMENTS) throw fieldError(w, "instalments", w.errors.plan);
  const plan = lines.map((line) => {
    const m = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/.exec(line);
    if (!m || !isDateOnly(m[1]) || m[1] <= today || m[1] > "2099-12-31")
      throw fieldError(w, "instalments", w.errors.plan);
    return { dueOn: m[1], amountMinor: amountOf(w, m[2], currency, "instalments") };
  });
  for (let k = 1; k < plan.length; k++)
    if (plan[k].dueOn <= plan[k - 1].dueOn) throw fieldError(w, "instalments", w.errors.plan);
  return plan;
}

/** What "pay everything" means today: the account's open invoices that are not disputed. */
async function payableMinor(tx: DbOrTx, a: PortalAccount): Promise<number> {
  const [row] = await tx.$queryRaw<{ open: bigint | null }[]>`
    SELECT sum(i.amount_minor - i.paid_minor) AS open FROM invoices i
    WHERE i.org_id = ${a.orgId}::uuid AND i.customer_id = ${a.customerId}::uuid AND i.currency = ${a.currency}
      AND i.paid_minor < i.amount_minor
      AND NOT EXISTS (SELECT 1 FROM invoice_disputes d WHERE d.invoice_id = i.id
            AND NOT EXISTS (SELECT 1 FROM account_events e WHERE e.dispute_id = d.id AND e.kind = 'DISPUTE_RESOLVED'))`;
  const open = Number(row?.open ?? 0);
  if (open <= 0) throw new AppError("CONFLICT", PORTAL_WORDS.en.noOpenInvoices);
  return open;
}

/** The customer's own entry in the contact history: inbound, channel PORTAL, no user. */
async function logPortalContact(tx: DbOrTx, c: RunContext, note: string): Promise<string> {
  const openCase = await tx.collectionCase.findFirst({
    where: { orgId: c.account.orgId, customerId: c.account.customerId, currency: c.account.currency, closedAt: null },
    select: { id: true },
  });
  const contact = await tx.contactAttempt.create({
    data: {
      orgId: c.account.orgId,
      customerId: c.account.customerId,
      caseId: openCase?.id ?? null,
      userId: null,
      occurredAt: c.now,
      channel: "PORTAL",
      direction: "INBOUND",
      outcome: "REPLIED",
      note,
    },
    select: { id: true },
  });
  return contact.id;
}
