import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";

const role = z.enum(["ADMIN", "COLLECTOR", "VIEWER"]);
/** The user an event is about (the actor is the event's userId). */
const userRef = z.object({ targetUserId: z.uuid(), email: z.string() });

// One schema per kind of audit event, checked when written and when read.
// Later features add their kinds here.
export const auditEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user.signed_in"), payload: z.object({ email: z.string() }) }),
  z.object({ kind: z.literal("user.sign_in_failed"), payload: z.object({ email: z.string(), reason: z.string() }) }),
  z.object({ kind: z.literal("demo.seeded"), payload: z.object({ customers: z.number(), invoices: z.number() }) }),
  z.object({ kind: z.literal("user.locked"), payload: z.object({ email: z.string(), failures: z.number().int(), lockedUntil: z.string() }) }),
  z.object({ kind: z.literal("user.created"), payload: userRef.extend({ name: z.string(), role: role }) }),
  z.object({ kind: z.literal("user.role_changed"), payload: userRef.extend({ from: role, to: role }) }),
  z.object({ kind: z.literal("user.deactivated"), payload: userRef }),
  z.object({ kind: z.literal("user.reactivated"), payload: userRef }),
  z.object({ kind: z.literal("user.password_reset"), payload: userRef }),
  z.object({
    kind: z.literal("history.verified"),
    payload: z.object({ ok: z.boolean(), checked: z.number().int(), firstMismatch: z.object({ table: z.string(), id: z.string(), seq: z.number().int() }).optional() }),
  }),
]);

export type AuditEventInput = z.infer<typeof auditEventSchema>;

export async function recordAudit(
  tx: DbOrTx,
  ctx: { orgId: string; userId?: string | null; ip?: string },
  event: AuditEventInput,
): Promise<void> {
  const parsed = auditEventSchema.parse(event);
  await tx.auditEvent.create({
    data: { orgId: ctx.orgId, userId: ctx.userId ?? null, ip: ctx.ip ?? "", kind: parsed.kind, payload: parsed.payload },
  });
}
