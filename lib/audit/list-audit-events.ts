import type { DbOrTx } from "@/lib/db/client";
import { type AuditEventInput, auditEventSchema } from "./events";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogRow {
  id: string;
  seq: number;
  createdAt: Date;
  actor: string | null;
  ip: string;
  /** The typed event, or null when the stored payload no longer fits its schema (shown raw). */
  event: AuditEventInput | null;
  kind: string;
  raw: unknown;
}

/** The organization's audit log, newest first, one page at a time (by seq, which the chain index serves). */
export async function listAuditEvents(tx: DbOrTx, opts: { orgId: string; page: number; pageSize?: number }) {
  const pageSize = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const [rows, total] = await Promise.all([
    tx.auditEvent.findMany({
      where: { orgId: opts.orgId },
      orderBy: { seq: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        seq: true,
        createdAt: true,
        ip: true,
        kind: true,
        payload: true,
        user: { select: { name: true } },
      },
    }),
    tx.auditEvent.count({ where: { orgId: opts.orgId } }),
  ]);
  const items: AuditLogRow[] = rows.map((r) => {
    const parsed = auditEventSchema.safeParse({ kind: r.kind, payload: r.payload });
    return {
      id: r.id,
      seq: Number(r.seq),
      createdAt: r.createdAt,
      actor: r.user?.name ?? null,
      ip: r.ip,
      event: parsed.success ? parsed.data : null,
      kind: r.kind,
      raw: r.payload,
    };
  });
  return { rows: items, total, page, pageSize };
}
