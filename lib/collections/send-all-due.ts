import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import type { Stage } from "@/lib/letters/template-types";
import { assertCanWork, type Actor } from "./actor";
import { listWorklist } from "./list-worklist";

export interface DueLetter {
  customerId: string;
  currency: string;
  name: string;
  stage: Stage;
}

export type SendResult = DueLetter & ({ status: "sent"; letterId: string } | { status: "skipped"; reason: string });

/** Every letter the worklist says is due now: the plan for "send all due letters". */
export async function listDueLetters(db: Db, opts: { orgId: string; now: Date }): Promise<DueLetter[]> {
  const { items } = await listWorklist(db, { ...opts, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  return items.flatMap((i) => (i.dueStage ? [{ customerId: i.customerId, currency: i.currency, name: i.name, stage: i.dueStage as Stage }] : []));
}

export const SEND_CHUNK_SIZE = 10;

/**
 * Sends the given due letters one by one, each in its own transaction, and
 * reports per account: sent, or skipped with the reason. Synchronous and
 * chunked: the page calls this with at most SEND_CHUNK_SIZE accounts per
 * request and shows progress between calls. Safe to run twice: a letter
 * already sent for its stage is a CONFLICT, reported as skipped.
 */
export async function sendDueLetters(db: Db, opts: { orgId: string; actor: Actor; letters: DueLetter[]; now: Date }): Promise<SendResult[]> {
  assertCanWork(opts.actor);
  if (opts.letters.length > SEND_CHUNK_SIZE) throw new AppError("INVALID_INPUT", `Send at most ${SEND_CHUNK_SIZE} letters per request.`);
  const results: SendResult[] = [];
  for (const due of opts.letters) {
    try {
      const sent = await sendNextLetter(db, { orgId: opts.orgId, actor: opts.actor, customerId: due.customerId, currency: due.currency, stage: due.stage, now: opts.now });
      results.push({ ...due, status: "sent", letterId: sent.letterId });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ ...due, status: "skipped", reason: error.message });
    }
  }
  return results;
}
