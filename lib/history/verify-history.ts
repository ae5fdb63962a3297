import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

export interface HistoryMismatch {
  table: string;
  id: string;
  createdAt: Date | null;
  seq: number;
  reason: string;
}

export interface HistoryVerification {
  ok: boolean;
  /** Entries whose hash was recomputed. */
  checked: number;
  firstMismatch?: HistoryMismatch;
}

const GENESIS = "0".repeat(64);

/** Tables in the chain: those carrying the history_chain trigger (history_protect() in SQL). */
export async function listHistoryTables(tx: DbOrTx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ table: string }[]>`
    SELECT c.relname AS "table"
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE t.tgname = 'history_chain' AND n.nspname = current_schema()
    ORDER BY c.relname`;
  return rows.map((r) => r.table);
}

const ident = (name: string) => Prisma.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * Every entry of the organization in seq order with its recomputed hash and a
 * verdict: the stored hash must match the content, prev_hash must be the
 * previous entry's hash and seq must have no gap. PostgreSQL streams this
 * (a merge of the (org_id, seq) indexes feeding a window), so memory stays flat
 * however long the history is.
 */
function walkedEntries(tables: string[], orgId: string, fromSeq: bigint) {
  const entries = Prisma.join(
    tables.map(
      (table) => Prisma.sql`
        SELECT ${table}::text AS tbl, t.id, t.seq, t.prev_hash, t.entry_hash,
               history_entry_hash(t.prev_hash, ${table}, t.seq, history_canonical(t)) AS computed
        FROM ${ident(table)} t WHERE t.org_id = ${orgId}::uuid AND t.seq >= ${fromSeq}`,
    ),
    " UNION ALL ",
  );
  return Prisma.sql`
    WITH entries AS (${entries}),
    walked AS (
      SELECT tbl, id, seq, prev_hash, entry_hash, computed,
             lag(entry_hash, 1, ${GENESIS}::char(64)) OVER w AS expected_prev,
             lag(seq, 1, ${fromSeq - 1n}::bigint) OVER w AS prev_seq,
             lead(seq) OVER w IS NULL AS is_last
      FROM entries WINDOW w AS (ORDER BY seq)
    )
    SELECT *, CASE
        WHEN computed <> entry_hash THEN 'content does not match its hash: the entry was changed'
        WHEN prev_seq <> seq - 1 THEN 'entries before this one are missing: they were deleted'
        WHEN prev_hash <> expected_prev THEN 'does not link to the entry before it'
      END AS reason
    FROM walked`;
}

/**
 * Recomputes the organization's history chain and names the first entry that
 * does not match. The check runs inside PostgreSQL; only counts and the
 * offending entry come back.
 */
export async function verifyHistory(tx: DbOrTx, opts: { orgId: string }): Promise<HistoryVerification> {
  const tables = await listHistoryTables(tx);
  if (tables.length === 0) return { ok: true, checked: 0 };
  // One statement, so one snapshot: the walk and the head agree even while
  // entries are being added.
  const [summary] = await tx.$queryRaw<
    {
      checked: bigint;
      first_bad: bigint | null;
      last_seq: bigint | null;
      last_hash: string | null;
      head_seq: bigint | null;
      head_hash: string | null;
    }[]
  >`
    SELECT count(*) AS checked, min(seq) FILTER (WHERE reason IS NOT NULL) AS first_bad, max(seq) AS last_seq,
           max(entry_hash) FILTER (WHERE is_last) AS last_hash,
           (SELECT seq FROM history_chain_heads WHERE org_id = ${opts.orgId}::uuid) AS head_seq,
           (SELECT head_hash FROM history_chain_heads WHERE org_id = ${opts.orgId}::uuid) AS head_hash
    FROM (${walkedEntries(tables, opts.orgId, 1n)}) v`;
  const checked = Number(summary.checked);
  if (summary.first_bad !== null) {
    const seq = summary.first_bad;
    // Re-walk only the entry and its predecessor to describe the mismatch.
    const rows = await tx.$queryRaw<{ tbl: string; id: string; seq: bigint; reason: string | null }[]>`
      SELECT tbl, id, seq, reason FROM (${walkedEntries(tables, opts.orgId, seq > 1n ? seq - 1n : 1n)}) v
      WHERE seq = ${seq}`;
    const row = rows[0];
    const reason = row.reason ?? "does not link to the entry before it";
    return {
      ok: false,
      checked,
      firstMismatch: {
        table: row.tbl,
        id: row.id,
        seq: Number(seq),
        reason,
        createdAt: await entryTime(tx, row.tbl, row.id),
      },
    };
  }
  const lastSeq = summary.last_seq ?? 0n;
  if ((summary.head_seq ?? 0n) !== lastSeq) {
    return {
      ok: false,
      checked,
      firstMismatch: {
        table: "history_chain_heads",
        id: opts.orgId,
        seq: Number(lastSeq + 1n),
        createdAt: null,
        reason: "the newest entries are missing: they were deleted",
      },
    };
  }
  if (lastSeq > 0n && summary.last_hash !== summary.head_hash) {
    const last = await entryAt(tx, tables, opts.orgId, lastSeq);
    return {
      ok: false,
      checked,
      firstMismatch: {
        table: last?.tbl ?? "history_chain_heads",
        id: last?.id ?? opts.orgId,
        seq: Number(lastSeq),
        createdAt: null,
        reason: "the newest entry is not the one the chain head recorded",
      },
    };
  }
  return { ok: true, checked };
}

async function entryAt(tx: DbOrTx, tables: string[], orgId: string, seq: bigint) {
  const union = Prisma.join(
    tables.map(
      (table) =>
        Prisma.sql`SELECT ${table}::text AS tbl, id, entry_hash FROM ${ident(table)} WHERE org_id = ${orgId}::uuid AND seq = ${seq}`,
    ),
    " UNION ALL ",
  );
  const rows = await tx.$queryRaw<{ tbl: string; id: string; entry_hash: string }[]>`${union}`;
  return rows[0];
}

/** When the entry was made: created_at, or sent_at for letters. */
async function entryTime(tx: DbOrTx, table: string, id: string): Promise<Date | null> {
  const rows = await tx.$queryRaw<{ at: string | null }[]>`
    SELECT coalesce(to_jsonb(t) ->> 'created_at', to_jsonb(t) ->> 'sent_at') AS at FROM ${ident(table)} t WHERE id = ${id}::uuid`;
  return rows[0]?.at ? new Date(rows[0].at) : null;
}
