import type { DbOrTx } from "@/lib/db/client";
import { isUuid } from "@/lib/db/uuid";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface BankStatementStatus {
  id: string;
  status: "queued" | "processing" | "processed" | "failed";
  format: string;
  accountIban: string;
  fromDate: DateOnly | null;
  toDate: DateOnly | null;
  counts: { lines: number; matched: number; review: number; duplicates: number; ignored: number };
  error?: string;
}

/** Where a received statement stands (null: no such statement in this organization). */
export async function getBankStatementStatus(
  db: DbOrTx,
  opts: { orgId: string; id: string },
): Promise<BankStatementStatus | null> {
  if (!isUuid(opts.id)) return null;
  const s = await db.bankStatement.findFirst({
    where: { id: opts.id, orgId: opts.orgId },
    omit: { bytes: true },
  });
  if (!s) return null;
  return {
    id: s.id,
    status: s.status,
    format: s.format,
    accountIban: s.accountIban,
    fromDate: s.fromDate ? dateOnlyFromDb(s.fromDate) : null,
    toDate: s.toDate ? dateOnlyFromDb(s.toDate) : null,
    counts: {
      lines: s.linesCount,
      matched: s.matchedCount,
      review: s.reviewCount,
      duplicates: s.duplicatesCount,
      ignored: s.ignoredCount,
    },
    ...(s.error ? { error: s.error } : {}),
  };
}
