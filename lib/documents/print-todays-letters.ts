import { randomUUID } from "node:crypto";
import type { Db, DbOrTx } from "@/lib/db/client";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { loadLogos, storedLetterSelect } from "./get-letter-pdf";
import { renderLettersPdf, type StoredLetterForPdf } from "./render-letter-pdf";

// "Print today's letters": every letter sent on a day that goes by post, one
// PDF, each letter on its own sheets (duplex-safe), ready to fold into DIN
// window envelopes. A letter goes by post unless it was sent by email; letter 4
// always goes by post too, by registered mail (marked in the window).

export async function lettersToPost(tx: DbOrTx, opts: { orgId: string; timeZone: string; day: DateOnly }) {
  const from = instantAt(opts.day, "00:00", opts.timeZone);
  const to = instantAt(addDaysTo(opts.day, 1), "00:00", opts.timeZone);
  return tx.letter.findMany({
    where: {
      orgId: opts.orgId,
      sentAt: { gte: from, lt: to },
      OR: [{ registeredMail: true }, { deliveries: { none: {} } }],
    },
    select: { ...storedLetterSelect, customer: { select: { name: true } } },
    orderBy: [{ customer: { name: "asc" } }, { stage: "asc" }, { id: "asc" }],
  });
}

export interface PrintResult {
  pdf: Uint8Array;
  letters: number;
  registered: number;
}

export async function printLetters(
  tx: DbOrTx,
  opts: { orgId: string; timeZone: string; day: DateOnly; onProgress?: (done: number, total: number) => void | Promise<void> },
): Promise<PrintResult> {
  const letters = await lettersToPost(tx, opts);
  const logos = await loadLogos(tx, opts.orgId, letters);
  const pdf = await renderLettersPdf(letters as StoredLetterForPdf[], (sha) => logos.get(sha), {
    title: `Letters to post ${opts.day}`,
    date: instantAt(opts.day, "00:00", opts.timeZone),
    duplex: true,
    onProgress: async (done, total) => {
      await opts.onProgress?.(done, total);
      // Let the server answer progress requests while a big batch renders.
      if (done % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
  });
  return { pdf, letters: letters.length, registered: letters.filter((l) => l.registeredMail).length };
}

// Print jobs run in the web server's process and are polled for progress. They
// live in memory for 15 minutes: a print run is a download, not a record (the
// letters themselves are the record).
interface PrintJob {
  id: string;
  orgId: string;
  day: DateOnly;
  done: number;
  total: number;
  state: "running" | "ready" | "failed";
  result?: PrintResult;
  error?: string;
  startedAt: number;
}

const jobs = ((globalThis as unknown as { dunningPrintJobs?: Map<string, PrintJob> }).dunningPrintJobs ??= new Map());
const KEEP_MS = 15 * 60_000;

export function startPrintJob(db: Db, opts: { orgId: string; timeZone: string; day: DateOnly }): PrintJob {
  for (const [id, job] of jobs) if (Date.now() - job.startedAt > KEEP_MS) jobs.delete(id);
  const job: PrintJob = { id: randomUUID(), orgId: opts.orgId, day: opts.day, done: 0, total: 0, state: "running", startedAt: Date.now() };
  jobs.set(job.id, job);
  printLetters(db, { ...opts, onProgress: (done, total) => { job.done = done; job.total = total; } })
    .then((result) => { job.result = result; job.total = result.letters; job.done = result.letters; job.state = "ready"; })
    .catch((error: Error) => { job.error = error.message; job.state = "failed"; });
  return job;
}

/** A print job of the organization, or null (other organizations' jobs are invisible). */
export function getPrintJob(opts: { orgId: string; id: string }): PrintJob | null {
  const job = jobs.get(opts.id);
  return job && job.orgId === opts.orgId ? job : null;
}

export function printJobView(job: PrintJob) {
  return { id: job.id, day: job.day, state: job.state, done: job.done, total: job.total, letters: job.result?.letters ?? null, registered: job.result?.registered ?? null, error: job.error ?? null };
}
