import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addDaysTo, type DateOnly, isDateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { type DescribeContext, describeAuditEvent } from "./describe-event";
import { type AuditEventInput, auditEventSchema } from "./events";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditLogRow {
  id: string;
  seq: number;
  createdAt: Date;
  actor: string | null;
  /** PERSON, or API_TOKEN when a token acted (through its own user row); null: the system or an operator. */
  actorKind: "PERSON" | "API_TOKEN" | null;
  ip: string;
  /** The typed event, or null when the stored payload no longer fits its schema (shown raw). */
  event: AuditEventInput | null;
  kind: string;
  /** The event in words, with customer names and amounts. */
  sentence: string;
  customerId: string | null;
  customerName: string | null;
  raw: unknown;
}

/** A day the log can hold: no event predates 2000 and none is after 2999 (9999-12-31 + 1 day is no date at all). */
const dateParam = z
  .string()
  .refine(isDateOnly, "Use a date as YYYY-MM-DD.")
  .refine((d) => d >= "2000-01-01" && d <= "2999-12-31", "Use a date between 2000-01-01 and 2999-12-31.")
  .transform((v) => v as DateOnly)
  .optional();

/**
 * The audit log's filters, strictly: the CSV export reads them so (a bad value is a 400
 * naming the parameter, never the whole log exported instead, issue 22), the page
 * leniently (lenientQuery: a bad value is dropped and the page still opens).
 */
export const auditFilterStrictSchema = z.object({
  who: z.union([z.uuid(), z.literal("system")], { message: "Choose a person from the list, or system." }).optional(),
  what: z
    .string()
    .regex(/^[a-z_]{1,40}$/, "Choose a kind of event from the list.")
    .optional(),
  from: dateParam,
  to: dateParam,
  customer: z.uuid({ message: "Choose a customer from the list." }).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterStrictSchema>;

/** The query-string form of a filter, for pager links and the export. */
export function auditFilterQuery(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
}

/** Days are the organization's days: "to" includes the whole of that day in its time zone. */
function whereFor(orgId: string, filter: AuditFilter, timeZone: string): Prisma.AuditEventWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filter.from) createdAt.gte = instantAt(filter.from, "00:00", timeZone);
  if (filter.to) createdAt.lt = instantAt(addDaysTo(filter.to, 1), "00:00", timeZone);
  return {
    orgId,
    ...(filter.who === "system" ? { userId: null } : filter.who ? { userId: filter.who } : {}),
    ...(filter.what ? { kind: { startsWith: `${filter.what}.` } } : {}),
    ...(filter.from || filter.to ? { createdAt } : {}),
    ...(filter.customer ? { payload: { path: ["customerId"], equals: filter.customer } } : {}),
  };
}

const SELECT = {
  id: true,
  seq: true,
  createdAt: true,
  ip: true,
  kind: true,
  payload: true,
  user: { select: { name: true, kind: true } },
} as const;

type StoredEvent = Prisma.AuditEventGetPayload<{ select: typeof SELECT }>;

/** Parses each stored event and words it, looking up every customer the page names in one query. */
async function toRows(tx: DbOrTx, orgId: string, locale: string, stored: StoredEvent[]): Promise<AuditLogRow[]> {
  const parsed = stored.map((r) => auditEventSchema.safeParse({ kind: r.kind, payload: r.payload }));
  const customerOf = (i: number): string | null => {
    const payload = stored[i].payload as { customerId?: unknown } | null;
    return typeof payload?.customerId === "string" ? payload.customerId : null;
  };
  const ids = [...new Set(stored.map((_, i) => customerOf(i)).filter((id): id is string => id !== null))];
  const customers = ids.length
    ? await tx.customer.findMany({ where: { orgId, id: { in: ids } }, select: { id: true, name: true } })
    : [];
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const ctx: DescribeContext = { customerName: (id) => names.get(id) ?? null, locale };
  return stored.map((r, i) => {
    const result = parsed[i];
    const event = result.success ? result.data : null;
    const customerId = customerOf(i);
    return {
      id: r.id,
      seq: Number(r.seq),
      createdAt: r.createdAt,
      actor: r.user?.name ?? null,
      // A person, or an API token acting through its own user row (the name says which token).
      actorKind: r.user?.kind ?? null,
      ip: r.ip,
      event,
      kind: r.kind,
      sentence: event ? describeAuditEvent(event, ctx) : r.kind,
      customerId,
      customerName: customerId ? (names.get(customerId) ?? null) : null,
      raw: r.payload,
    };
  });
}

/** The organization's audit log, newest first, filtered, one page at a time (by seq, which the chain index serves). */
export async function listAuditEvents(
  tx: DbOrTx,
  opts: { orgId: string; page: number; pageSize?: number; filter?: AuditFilter; timeZone?: string; locale?: string },
) {
  const pageSize = opts.pageSize ?? AUDIT_PAGE_SIZE;
  const page = Math.max(1, Math.floor(opts.page) || 1);
  const where = whereFor(opts.orgId, opts.filter ?? {}, opts.timeZone ?? "UTC");
  const stored = await tx.auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: SELECT,
  });
  const total = await tx.auditEvent.count({ where });
  const rows = await toRows(tx, opts.orgId, opts.locale ?? "en-GB", stored);
  return { rows, total, page, pageSize };
}

/** Every matching event, oldest first, a thousand at a time: for the CSV export, never all in memory. */
export async function* allAuditEvents(
  tx: DbOrTx,
  opts: { orgId: string; filter: AuditFilter; timeZone: string; locale: string },
): AsyncGenerator<AuditLogRow> {
  const where = whereFor(opts.orgId, opts.filter, opts.timeZone);
  let after: bigint | null = null;
  for (;;) {
    const stored: StoredEvent[] = await tx.auditEvent.findMany({
      where: after === null ? where : { AND: [where, { seq: { gt: after } }] },
      orderBy: { seq: "asc" },
      take: 1000,
      select: SELECT,
    });
    if (!stored.length) return;
    yield* await toRows(tx, opts.orgId, opts.locale, stored);
    after = stored[stored.length - 1].seq;
  }
}

/** Every kind's first word ("letter", "payment", "user"…), from the schema rather than a scan of the log. */
const WHATS = [...new Set(auditEventSchema.options.map((o) => o.shape.kind.value.split(".")[0]))].sort();

/** The choices of the "who" and "what" filters: the organization's users and the kinds of event. */
export async function auditFilterChoices(tx: DbOrTx, orgId: string) {
  const users = await tx.user.findMany({
    where: { orgId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return { users, whats: WHATS };
}
