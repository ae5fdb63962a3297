import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkpointSignatureValid, historySigningKey } from "./signing-key";
import { verifyCheckpointCoverage } from "./verify-coverage";
import { type HistoryMismatch, type HistoryVerification, listHistoryTables, verifyHistory } from "./verify-history";

export interface AnchoredVerification extends HistoryVerification {
  /** Signed checkpoints checked against the chain. */
  checkpoints: number;
  /** Sent letters and hand-off packs, each of which must have its checkpoint (verify-coverage.ts). */
  letters: number;
  packs: number;
  /** The head a user pasted (from a letter's footer or a pack's manifest): where it is in the chain, if anywhere. */
  pastedHead?: { head: string; seq: number | null };
}

const ident = (name: string) => Prisma.raw(`"${name.replace(/"/g, '""')}"`);

function entriesAt(tables: string[], orgId: string) {
  return Prisma.join(
    tables.map(
      (t) => Prisma.sql`SELECT ${t}::text AS tbl, id, seq, entry_hash FROM ${ident(t)} WHERE org_id = ${orgId}::uuid`,
    ),
    " UNION ALL ",
  );
}

/**
 * The chain checked against what the database owner cannot rewrite: every
 * signed checkpoint (its Ed25519 signature under this installation's key, and
 * the entry it signed still there with the same hash) and, when given, a head
 * hash copied from an old letter or pack (it must still be an entry of the
 * chain). Rewriting entries and re-hashing, or deleting the newest entries and
 * resetting the head, passes verifyHistory alone but fails here.
 */
export async function verifyAnchoredHistory(
  tx: DbOrTx,
  opts: { orgId: string; head?: string },
): Promise<AnchoredVerification> {
  const chain = await verifyHistory(tx, opts);
  const tables = await listHistoryTables(tx);
  const key = historySigningKey();
  const rows = tables.length
    ? await tx.$queryRaw<
        {
          seq: bigint;
          head_hash: string;
          signed_at: Date;
          key_id: string;
          signature: string;
          entry_hash: string | null;
          tbl: string | null;
          id: string | null;
        }[]
      >`
        SELECT c.seq, c.head_hash, c.signed_at, c.key_id, c.signature, e.entry_hash, e.tbl, e.id
        FROM history_checkpoints c LEFT JOIN (${entriesAt(tables, opts.orgId)}) e ON e.seq = c.seq
        WHERE c.org_id = ${opts.orgId}::uuid ORDER BY c.seq, c.signed_at`
    : [];
  let bad: HistoryMismatch | undefined;
  for (const row of rows) {
    const fields = { orgId: opts.orgId, seq: row.seq, headHash: row.head_hash, signedAt: row.signed_at };
    const reason =
      row.key_id !== key.keyId
        ? `its checkpoint was signed with key ${row.key_id}, not this installation's key ${key.keyId}`
        : !checkpointSignatureValid({ ...fields, signature: row.signature }, key.publicKey)
          ? "its signed checkpoint does not verify: the checkpoint was forged or altered"
          : row.entry_hash === null
            ? "was signed in a checkpoint but is missing now: entries were deleted"
            : row.entry_hash !== row.head_hash
              ? "differs from the hash signed in its checkpoint: the history up to it was rewritten"
              : null;
    if (reason) {
      bad = {
        table: row.tbl ?? "history_checkpoints",
        id: row.id ?? opts.orgId,
        seq: Number(row.seq),
        createdAt: row.signed_at,
        reason,
      };
      break;
    }
  }
  let pastedHead: AnchoredVerification["pastedHead"];
  if (opts.head) {
    const head = opts.head.toLowerCase();
    const [found] = tables.length
      ? await tx.$queryRaw<{ seq: bigint; tbl: string; id: string }[]>`
          SELECT seq, tbl, id FROM (${entriesAt(tables, opts.orgId)}) e WHERE entry_hash = ${head} LIMIT 1`
      : [];
    pastedHead = { head, seq: found ? Number(found.seq) : null };
    if (!found && !bad) {
      bad = {
        table: "history_chain_heads",
        id: opts.orgId,
        seq: 0,
        createdAt: null,
        reason: `the head ${head.slice(0, 16)}… you pasted is not in this history: entries it covered were changed or deleted (or it is another organization's)`,
      };
    }
  }
  const coverage = await verifyCheckpointCoverage(tx, opts);
  const firstMismatch = chain.firstMismatch ?? bad ?? coverage.firstUncovered;
  return {
    ok: !firstMismatch,
    checked: chain.checked,
    firstMismatch,
    checkpoints: rows.length,
    letters: coverage.letters,
    packs: coverage.packs,
    pastedHead,
  };
}
