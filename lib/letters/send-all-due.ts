import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { DueLetter } from "@/lib/collections/list-worklist";
import type { Db } from "@/lib/db/client";
import { CHANNEL_COLUMNS, type LetterChannel, letterChannel } from "@/lib/delivery/channel";
import { AppError } from "@/lib/errors/app-error";
import { sendNextLetter } from "@/lib/letters/send-next-letter";

export type SendResult = DueLetter & { channel?: LetterChannel } & (
    | { status: "sent"; letterId: string }
    | { status: "skipped"; reason: string }
    | { status: "failed"; reason: string }
  );

/**
 * Sends one due letter in its own transaction: sent, or skipped with the reason
 * (an AppError: already sent, no longer due, another stage due now, paused,
 * role). A planned channel is checked against the customer now and the letter
 * goes by it (email: queued with the letter). Anything else throws, so the job
 * queue retries it. The bulk-send task and sendDueLetters both use this.
 */
export async function sendDueLetter(
  db: Db,
  opts: { orgId: string; actor: Actor; due: DueLetter & { channel?: LetterChannel }; now: Date },
): Promise<SendResult> {
  const { due } = opts;
  try {
    if (due.channel) await assertChannelUnchanged(db, opts.orgId, due.customerId, due.channel);
    const sent = await sendNextLetter(db, {
      orgId: opts.orgId,
      actor: opts.actor,
      customerId: due.customerId,
      currency: due.currency,
      // The planned stage: another stage due by now is a CONFLICT, reported as skipped.
      stage: due.stage,
      byEmail: due.channel === "email",
      now: opts.now,
    });
    return { ...due, status: "sent", letterId: sent.letterId };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ...due, status: "skipped", reason: error.message };
  }
}

/** The customer's channel now is the one planned, and usable (an email address, a postal address). */
async function assertChannelUnchanged(db: Db, orgId: string, customerId: string, planned: LetterChannel) {
  const customer = await db.customer.findFirst({ where: { id: customerId, orgId }, select: CHANNEL_COLUMNS });
  if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
  const verdict = letterChannel(customer);
  if (!verdict.ok) throw new AppError("CONFLICT", verdict.reason);
  if (verdict.channel !== planned)
    throw new AppError(
      "CONFLICT",
      `Letters to this customer now go by ${verdict.channel}, not by ${planned} as planned. Plan again to send it.`,
    );
}

export const SEND_CHUNK_SIZE = 10;

/**
 * Sends the given due letters one by one, each in its own transaction, and
 * reports per account: sent, or skipped with the reason. Synchronous, at most
 * SEND_CHUNK_SIZE at a time (the benchmark and tests; the page starts a queued
 * run, lib/letters/bulk-send.ts). Safe to run twice: a letter already sent
 * for its stage is a CONFLICT, reported as skipped.
 */
export async function sendDueLetters(
  db: Db,
  opts: { orgId: string; actor: Actor; letters: DueLetter[]; now: Date },
): Promise<SendResult[]> {
  assertCanWork(opts.actor);
  if (opts.letters.length > SEND_CHUNK_SIZE)
    throw new AppError("INVALID_INPUT", `Send at most ${SEND_CHUNK_SIZE} letters per request.`);
  const results: SendResult[] = [];
  for (const due of opts.letters)
    results.push(await sendDueLetter(db, { orgId: opts.orgId, actor: opts.actor, due, now: opts.now }));
  return results;
}
