import { ImapFlow } from "imapflow";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { clockNow } from "@/lib/time/dates";
import { MAX_MESSAGE_BYTES, receiveInboundMessage } from "./receive-message";

// The other way replies come in: a mailbox (the reply domain's catch-all, say) read over
// IMAP by the job worker each minute. Unseen messages are read one by one, each through
// the same verb as the webhooks'. A message taken (or refused for good: too large, for no
// organization) is marked \Seen, the refused ones also \Flagged so a person can look; a
// failure on our side leaves it unseen for the next poll. At most POLL_BATCH a poll, so a
// full mailbox is worked through over several minutes, never in one long job.

export const POLL_BATCH = 50;

export interface ImapConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  pass: string;
  mailbox: string;
}

/** INBOUND_IMAP_URL: imaps://user:password@host:993/INBOX (imap:// for a plain connection, e.g. a local test server). */
export function imapConfigFromUrl(url: string): ImapConfig {
  const u = new URL(url);
  if (u.protocol !== "imap:" && u.protocol !== "imaps:")
    throw new Error("INBOUND_IMAP_URL must start with imap:// or imaps://");
  const secure = u.protocol === "imaps:";
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 993 : 143)),
    secure,
    user: decodeURIComponent(u.username),
    pass: decodeURIComponent(u.password),
    mailbox: decodeURIComponent(u.pathname.slice(1)) || "INBOX",
  };
}

export interface PollResult {
  stored: number;
  duplicates: number;
  refused: number;
  failed: number;
}

export async function pollImapMailbox(db: Db, config: ImapConfig, opts: { now: () => Date }): Promise<PollResult> {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: { user: config.user, pass: config.pass },
    logger: false,
    // A local test server has no certificate worth checking; a real one is verified.
    tls: { rejectUnauthorized: config.secure },
    socketTimeout: 60_000,
  });
  const result: PollResult = { stored: 0, duplicates: 0, refused: 0, failed: 0 };
  await client.connect();
  try {
    const lock = await client.getMailboxLock(config.mailbox);
    try {
      const unseen = ((await client.search({ seen: false }, { uid: true })) || []).slice(0, POLL_BATCH);
      if (!unseen.length) return result;
      // Sizes first, so an oversize message is never downloaded.
      const sizes = new Map<number, number>();
      for await (const m of client.fetch(unseen, { uid: true, size: true }, { uid: true }))
        sizes.set(m.uid, m.size ?? 0);
      for (const uid of unseen) {
        const outcome = await takeOne(db, client, uid, sizes.get(uid) ?? 0, opts.now());
        result[outcome]++;
        if (outcome === "failed") continue;
        const flags = outcome === "refused" ? ["\\Seen", "\\Flagged"] : ["\\Seen"];
        await client.messageFlagsAdd(uid, flags, { uid: true });
      }
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return result;
}

async function takeOne(
  db: Db,
  client: ImapFlow,
  uid: number,
  size: number,
  now: Date,
): Promise<"stored" | "duplicates" | "refused" | "failed"> {
  if (size > MAX_MESSAGE_BYTES) return "refused";
  try {
    const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
    // fetchOne answers false for a message gone since the search (expunged by another client).
    if (message === false || !message.source) return "failed";
    const received = await receiveInboundMessage(db, {
      raw: new Uint8Array(message.source),
      source: "imap",
      receivedAt: now,
    });
    return received.status === "stored" ? "stored" : "duplicates";
  } catch (error) {
    if (error instanceof AppError && ["INVALID_INPUT", "TOO_LARGE", "NOT_FOUND"].includes(error.code)) return "refused";
    console.error(`Inbound IMAP message ${uid} failed`, error);
    return "failed";
  }
}

export const IMAP_POLL_TASK = "inbound.poll-imap";
export const IMAP_POLL_CRONTAB = `* * * * * ${IMAP_POLL_TASK}`;
export const IMAP_POLL_JOB = jobType(IMAP_POLL_TASK, z.object({}));

export function imapPollTasks(db: Db, config: ImapConfig) {
  return defineTask({
    ...IMAP_POLL_JOB,
    run: async (_payload, helpers) => {
      // The app's clock (frozen in demos), as for every other entry in the history.
      const done = await pollImapMailbox(db, config, { now: clockNow });
      if (done.stored || done.refused || done.failed)
        helpers.logger.info(
          `Inbound mailbox: ${done.stored} stored, ${done.duplicates} seen before, ${done.refused} refused, ${done.failed} to retry.`,
        );
      if (done.failed)
        throw new Error(`${done.failed} inbound messages could not be stored; they stay unseen for the next poll.`);
    },
  });
}
