import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { lockOpenCase } from "@/lib/cases/open-case";
import { recordBrokenPromises } from "@/lib/collections/record-broken-promises";
import type { Db, DbOrTx } from "@/lib/db/client";
import { isBusy, isUniqueViolation, transientDbError } from "@/lib/db/errors";
import { requestEmailDelivery } from "@/lib/delivery/request-email-delivery";
import { letterheadForLetter } from "@/lib/documents/letterhead";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { checkpointHistory } from "@/lib/history/checkpoint";
import { minorToPlain } from "@/lib/money/money";
import type { Stage } from "@/lib/stages/stage";
import { dateOnlyToDb, formatDateOnly, formatInstant } from "@/lib/time/dates";
import { composeLetter, loadLetterContext } from "./compose-letter";
import { assertComposedLetterLawful } from "./lawful-letter";

export interface SendNextLetterOptions {
  orgId: string;
  actor: Actor;
  customerId: string;
  currency: string;
  /** The stage the sender previewed: a letter of that stage already in the case is a CONFLICT, not a silent next stage. */
  stage: Stage;
  /** An admin may send before the due date with a written reason, which is kept with the letter. */
  overrideReason?: string | null;
  /** Also email the letter (as a PDF) to the customer: the delivery job is queued in the same transaction. */
  byEmail?: boolean;
  now: Date;
}

export interface SentLetter {
  letterId: string;
  caseId: string;
  stage: Stage;
  deadline: string;
  contentSha256: string;
  delivery?: { deliveryId: string; recipient: string } | null;
}

/**
 * Sends the account's next letter: in one transaction it locks (or opens) the
 * case, checks the policy, renders the letter, stores it exactly as sent with
 * its SHA-256, logs the contact attempt, records any broken promise it acts on
 * and writes the audit record. Exactly one letter per stage per case: the case
 * lock queues concurrent senders and letters_case_id_stage_key backs it up; the
 * loser gets a CONFLICT naming who sent it and when.
 */
export async function sendNextLetter(db: Db, opts: SendNextLetterOptions): Promise<SentLetter> {
  assertCanWork(opts.actor);
  try {
    return await db.$transaction((tx) => sendInTransaction(tx, opts), { timeout: 15_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw await alreadySent(db, opts);
    // Waited too long behind the other senders (a full pool, the case lock): name
    // the letter if one of them sent it, else say to try again.
    if (isBusy(error)) throw (await alreadySent(db, opts, null)) ?? transientDbError(error) ?? error;
    throw error;
  }
}

async function sendInTransaction(tx: DbOrTx, opts: SendNextLetterOptions): Promise<SentLetter> {
  const { orgId, actor, now } = opts;
  // Ownership first: a customer of another organization is NOT_FOUND before anything is locked.
  const customer = await tx.customer.findFirst({ where: { id: opts.customerId, orgId }, select: { id: true } });
  if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
  const theCase = await lockOpenCase(tx, {
    orgId,
    customerId: opts.customerId,
    currency: opts.currency,
    userId: actor.userId,
    now,
  });
  const ctx = await loadLetterContext(tx, opts);
  const { action, state, org } = ctx;
  const day = (d: string) => formatDateOnly(d, org.locale);

  const existing = state.letters.find((l) => l.stage === opts.stage);
  if (existing) throw conflict(opts.stage, existing.sentBy, existing.sentAt, org.timeZone, org.locale);
  if (action.kind === "handoff" || (action.kind === "letter" && action.blockedUntilHandoff)) {
    throw new AppError(
      "TOO_EARLY",
      `Letter 4 says the account was handed to an agency, so it cannot go before a hand-off is recorded. ${action.reason}`,
    );
  }
  if (action.kind !== "letter") throw new AppError("CONFLICT", `No letter can be sent: ${action.reason}`);
  if (action.stage !== opts.stage) {
    throw new AppError(
      "CONFLICT",
      `The account has changed: the next letter is now letter ${action.stage}. Preview it again before sending.`,
    );
  }
  const overrideReason = opts.overrideReason?.trim() || null;
  if (!action.due) {
    if (!overrideReason) {
      throw new AppError(
        "TOO_EARLY",
        `Letter ${action.stage} is not due until ${day(action.dueOn)}. ${action.reason}.`,
      );
    }
    if (actor.role !== "ADMIN")
      throw new AppError("FORBIDDEN", "Only an administrator can send a letter before it is due.");
    if (overrideReason.length < 5)
      throw new AppError("INVALID_INPUT", "Write why the letter goes early (at least a few words).", {
        overrideReason: ["Write a reason."],
      });
  }

  const letter = await composeLetter(tx, ctx, action.stage);
  // The law of the customer's country: no override, not even an admin's.
  const profile = assertComposedLetterLawful(ctx, letter, {
    stage: action.stage,
    currency: opts.currency,
    byEmail: !!opts.byEmail,
  });
  const registeredMail =
    action.stage === 4 || (profile.formalNoticeStage === action.stage && profile.formalNoticeRegisteredMail);
  const created = await tx.letter.create({
    data: {
      orgId,
      customerId: opts.customerId,
      caseId: theCase.id,
      stage: action.stage,
      language: ctx.customer.language,
      currency: opts.currency,
      subject: letter.subject,
      body: letter.body,
      invoices: letter.invoices.map((i) => ({ ...i })),
      totalDueMinor: BigInt(letter.totalDueMinor),
      deadlineDate: dateOnlyToDb(letter.deadline),
      reason: action.reason,
      overrideReason: action.due ? null : overrideReason,
      registeredMail,
      charges: letter.charges.map((c) => ({ ...c })),
      contentSha256: letter.contentSha256,
      letterhead: letterheadForLetter(ctx.org, { bank: ctx.bank, stage: action.stage }),
      enclosures: letter.enclosures.length ? letter.enclosures : undefined,
      protocolForms: letter.protocolForms ?? undefined,
      sentById: actor.userId,
      sentAt: now,
    },
  });
  if (letter.addedCharges.length) {
    const invoiceIds = new Map(letter.invoices.map((i) => [i.number, i.invoiceId]));
    await tx.charge.createMany({
      data: letter.addedCharges.map((c) => ({
        orgId,
        customerId: opts.customerId,
        letterId: created.id,
        invoiceId: c.invoiceNumber ? (invoiceIds.get(c.invoiceNumber) ?? null) : null,
        kind: c.kind,
        invoiceNumber: c.invoiceNumber,
        amountMinor: BigInt(c.amountMinor),
        currency: c.currency,
        ratePercent: c.ratePercent,
        fromDate: c.fromDate ? dateOnlyToDb(c.fromDate) : null,
        toDate: c.toDate ? dateOnlyToDb(c.toDate) : null,
        basis: c.basis,
      })),
    });
  }
  await tx.contactAttempt.create({
    data: {
      orgId,
      customerId: opts.customerId,
      caseId: theCase.id,
      letterId: created.id,
      userId: actor.userId,
      occurredAt: now,
      channel: "LETTER",
      direction: "OUTBOUND",
      outcome: "SENT",
      note: `Letter ${action.stage} sent${registeredMail ? " by registered mail" : ""}; payment deadline ${day(letter.deadline)}.${action.due ? "" : ` Sent early: ${overrideReason}`}`,
    },
  });
  await recordBrokenPromises(tx, {
    orgId,
    customerId: opts.customerId,
    caseId: theCase.id,
    promiseIds: action.brokenPromiseIds,
    today: ctx.today,
    userId: actor.userId,
    letterId: created.id,
    note: action.reason,
  });
  await recordAudit(
    tx,
    { orgId, userId: actor.userId },
    {
      kind: "letter.sent",
      payload: {
        letterId: created.id,
        caseId: theCase.id,
        customerId: opts.customerId,
        stage: action.stage,
        currency: opts.currency,
        totalDueMinor: letter.totalDueMinor,
        deadline: letter.deadline,
        contentSha256: letter.contentSha256,
        reason: action.reason,
        overrideReason: action.due ? null : overrideReason,
      },
    },
  );
  await emitEvent(tx, {
    orgId,
    type: "letter.sent",
    data: {
      letterId: created.id,
      customerId: opts.customerId,
      stage: action.stage,
      currency: opts.currency,
      totalDue: minorToPlain(letter.totalDueMinor, opts.currency),
      deadline: letter.deadline,
      channel: opts.byEmail ? "email" : "post",
    },
    at: now,
  });
  const delivery = opts.byEmail ? await requestEmailDelivery(tx, { orgId, actor, letterId: created.id }) : null;
  // Last: the signed head then covers the letter and everything recorded with it; its footer prints it.
  await checkpointHistory(tx, { orgId, now });
  return {
    letterId: created.id,
    caseId: theCase.id,
    stage: action.stage,
    deadline: letter.deadline,
    contentSha256: letter.contentSha256,
    delivery,
  };
}

function conflict(stage: number, who: string, when: Date, timeZone: string, locale: string): AppError {
  return new AppError(
    "CONFLICT",
    `Letter ${stage} was already sent by ${who} on ${formatInstant(when, timeZone, locale)}.`,
  );
}

async function alreadySent(db: Db, opts: SendNextLetterOptions): Promise<AppError>;
async function alreadySent(db: Db, opts: SendNextLetterOptions, otherwise: null): Promise<AppError | null>;
async function alreadySent(
  db: Db,
  opts: SendNextLetterOptions,
  otherwise: AppError | null = new AppError(
    "CONFLICT",
    "Someone else changed this account at the same moment. Preview again.",
  ),
): Promise<AppError | null> {
  const letter = await db.letter.findFirst({
    where: {
      orgId: opts.orgId,
      customerId: opts.customerId,
      currency: opts.currency,
      stage: opts.stage,
      case: { closedAt: null },
    },
    include: { sentBy: { select: { name: true } }, org: { select: { timeZone: true, locale: true } } },
  });
  if (!letter) return otherwise;
  return conflict(opts.stage, letter.sentBy?.name ?? "System", letter.sentAt, letter.org.timeZone, letter.org.locale);
}
