import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { historySigningKey, signCheckpoint } from "./signing-key";
import { listHistoryTables } from "./verify-history";

export interface Checkpoint {
  seq: bigint;
  headHash: string;
  signedAt: Date;
  keyId: string;
  signature: string;
}

const select = { seq: true, headHash: true, signedAt: true, keyId: true, signature: true } as const;

/**
 * Signs the organization's current chain head and stores the checkpoint. Inside
 * a transaction that added history, the head includes those entries (the row
 * is locked by the chain trigger until commit). Null before the first entry.
 */
export async function checkpointHistory(tx: DbOrTx, opts: { orgId: string; now: Date }): Promise<Checkpoint | null> {
  const head = await tx.historyChainHead.findUnique({ where: { orgId: opts.orgId } });
  if (!head || head.seq === 0n) return null;
  const key = historySigningKey();
  const fields = { orgId: opts.orgId, seq: head.seq, headHash: head.headHash, signedAt: opts.now };
  return tx.historyCheckpoint.create({
    data: { ...fields, keyId: key.keyId, signature: signCheckpoint(fields, key) },
    select,
  });
}

/** The checkpoint printed on a letter: the first one at or after its entry in the chain. */
export async function checkpointOf(tx: DbOrTx, opts: { orgId: string; seq: bigint }): Promise<Checkpoint | null> {
  return tx.historyCheckpoint.findFirst({
    where: { orgId: opts.orgId, seq: { gte: opts.seq } },
    orderBy: { seq: "asc" },
    select,
  });
}

/** Two footer lines a reader can paste into "Verify history". */
export function checkpointLines(c: Checkpoint): [string, string] {
  return [`History checkpoint #${c.seq} · head ${c.headHash}`, `Ed25519 signature ${c.signature} · key ${c.keyId}`];
}

/** The checkpoint printed on each of these letters (see checkpointOf), in one query. */
export async function checkpointsOfLetters(tx: DbOrTx, letterIds: string[]): Promise<Map<string, Checkpoint>> {
  if (!letterIds.length) return new Map();
  const rows = await tx.$queryRaw<
    { letter_id: string; seq: bigint; head_hash: string; signed_at: Date; key_id: string; signature: string }[]
  >`
    SELECT l.id AS letter_id, c.seq, c.head_hash, c.signed_at, c.key_id, c.signature
    FROM letters l
    CROSS JOIN LATERAL (
      SELECT * FROM history_checkpoints c WHERE c.org_id = l.org_id AND c.seq >= l.seq ORDER BY c.seq LIMIT 1
    ) c
    WHERE l.id = ANY(${letterIds}::uuid[])`;
  return new Map(
    rows.map((r) => [
      r.letter_id,
      { seq: r.seq, headHash: r.head_hash, signedAt: r.signed_at, keyId: r.key_id, signature: r.signature },
    ]),
  );
}

/**
 * The checkpoint a customer's hand-off pack names: the first at or after the
 * customer's newest history entry, signed now if there is none yet. The same
 * data gives the same checkpoint, so a pack stays deterministic.
 */
export async function customerCheckpoint(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; now: Date },
): Promise<Checkpoint | null> {
  const history = await listHistoryTables(tx);
  const tables = await tx.$queryRaw<{ table: string }[]>`
    SELECT table_name AS table FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'customer_id' AND table_name = ANY(${history})`;
  if (!tables.length) return null;
  const seqs = Prisma.join(
    tables.map(
      ({ table }) =>
        Prisma.sql`SELECT max(seq) AS seq FROM ${Prisma.raw(`"${table}"`)} WHERE org_id = ${opts.orgId}::uuid AND customer_id = ${opts.customerId}::uuid`,
    ),
    " UNION ALL ",
  );
  const [{ seq }] = await tx.$queryRaw<{ seq: bigint | null }[]>`SELECT max(seq) AS seq FROM (${seqs}) s`;
  if (seq === null) return null;
  return (await checkpointOf(tx, { orgId: opts.orgId, seq })) ?? (await checkpointHistory(tx, opts));
}
