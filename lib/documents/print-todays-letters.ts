import type { DbOrTx } from "@/lib/db/client";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { loadEnclosureFiles, loadLogos, storedLetterSelect, withCheckpoints, withPortalUrls } from "./get-letter-pdf";
import { renderLettersPdf, type StoredLetterForPdf } from "./render-letter-pdf";

// "Print today's letters": every letter sent on a day that goes by post, one
// PDF, each letter on its own sheets (duplex-safe), ready to fold into DIN
// window envelopes. A letter goes by post unless it was sent by email; letter 4
// always goes by post too, by registered mail (marked in the window). The
// job queue renders it (print-run.ts).

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
  opts: {
    orgId: string;
    timeZone: string;
    day: DateOnly;
    onProgress?: (done: number, total: number) => void | Promise<void>;
  },
): Promise<PrintResult> {
  const letters = await withPortalUrls(tx, await withCheckpoints(tx, await lettersToPost(tx, opts)));
  const logos = await loadLogos(tx, opts.orgId, letters);
  // Invoice copies print right after their letter, in the same envelope.
  const enclosures = await loadEnclosureFiles(tx, opts.orgId, letters);
  const withCopies = letters.map((l, i) => ({ ...(l as StoredLetterForPdf), enclosureFiles: enclosures[i] }));
  const pdf = await renderLettersPdf(withCopies, (sha) => logos.get(sha), {
    title: `Letters to post ${opts.day}`,
    date: instantAt(opts.day, "00:00", opts.timeZone),
    duplex: true,
    onProgress: async (done, total) => {
      await opts.onProgress?.(done, total);
      // Let the worker's other jobs and the queue's heartbeat run while a big batch renders.
      if (done % 25 === 0) await new Promise((resolve) => setImmediate(resolve));
    },
  });
  return { pdf, letters: letters.length, registered: letters.filter((l) => l.registeredMail).length };
}
