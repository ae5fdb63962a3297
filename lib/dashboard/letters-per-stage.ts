import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";

/**
 * Letters sent per stage (1-4) from the start of `from` to the end of `to`,
 * days in the organization's time zone (letters_by_org_sent_at). Every stage
 * is present, with 0 when none was sent.
 */
export async function getLettersPerStage(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; to: DateOnly; timeZone: string },
): Promise<{ stage: number; letters: number }[]> {
  const start = instantAt(opts.from, "00:00", opts.timeZone);
  const end = instantAt(addDaysTo(opts.to, 1), "00:00", opts.timeZone);
  const rows = await tx.$queryRaw<{ stage: number; letters: bigint }[]>`
    SELECT stage, count(*) AS letters FROM letters
    WHERE org_id = ${opts.orgId}::uuid AND sent_at >= ${start} AND sent_at < ${end}
    GROUP BY stage`;
  return [1, 2, 3, 4].map((stage) => ({
    stage,
    letters: toMinor(rows.find((r) => Number(r.stage) === stage)?.letters ?? 0),
  }));
}
