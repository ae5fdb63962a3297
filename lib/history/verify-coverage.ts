import type { DbOrTx } from "@/lib/db/client";
import type { HistoryMismatch } from "./verify-history";

// Every letter is sent with a signed checkpoint taken in its transaction
// (send-next-letter.ts), and every hand-off pack names the checkpoint it was made under
// (its audit record carries the checkpoint's number). So a letter with no checkpoint at or
// after it, or a pack whose checkpoint is gone, means checkpoints were deleted: the way to
// hide a rewritten and re-hashed chain from the signature check (issue 22, finding 5).
// docs/history-verification.md says what this proves and what it does not.

export interface Coverage {
  letters: number;
  packs: number;
  firstUncovered?: HistoryMismatch;
}

export async function verifyCheckpointCoverage(tx: DbOrTx, opts: { orgId: string }): Promise<Coverage> {
  const [letters] = await tx.$queryRaw<
    { total: bigint; id: string | null; seq: bigint | null; sent_at: Date | null }[]
  >`
    SELECT (SELECT count(*) FROM letters WHERE org_id = ${opts.orgId}::uuid) AS total, u.id, u.seq, u.sent_at
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT l.id, l.seq, l.sent_at FROM letters l
      WHERE l.org_id = ${opts.orgId}::uuid
        AND NOT EXISTS (SELECT 1 FROM history_checkpoints c WHERE c.org_id = l.org_id AND c.seq >= l.seq)
      ORDER BY l.seq LIMIT 1
    ) u ON true`;
  const [packs] = await tx.$queryRaw<
    { total: bigint; id: string | null; seq: bigint | null; created_at: Date | null; named: string | null }[]
  >`
    WITH packs AS (
      SELECT id, seq, created_at, payload->>'checkpointSeq' AS named FROM audit_events
      WHERE org_id = ${opts.orgId}::uuid AND kind = 'handoff_pack.created' AND payload ? 'checkpointSeq'
    )
    SELECT (SELECT count(*) FROM packs) AS total, u.id, u.seq, u.created_at, u.named
    FROM (SELECT 1) one LEFT JOIN LATERAL (
      SELECT p.* FROM packs p
      WHERE NOT EXISTS (SELECT 1 FROM history_checkpoints c WHERE c.org_id = ${opts.orgId}::uuid AND c.seq::text = p.named)
      ORDER BY p.seq LIMIT 1
    ) u ON true`;
  const firstUncovered: HistoryMismatch | undefined = letters.id
    ? {
        table: "letters",
        id: letters.id,
        seq: Number(letters.seq),
        createdAt: letters.sent_at,
        reason: "was sent with a signed checkpoint that is missing now: checkpoints were deleted",
      }
    : packs.id
      ? {
          table: "audit_events",
          id: packs.id,
          seq: Number(packs.seq),
          createdAt: packs.created_at,
          reason: `records a hand-off pack made under signed checkpoint #${packs.named}, which is missing now: checkpoints were deleted`,
        }
      : undefined;
  return { letters: Number(letters.total), packs: Number(packs.total), firstUncovered };
}
