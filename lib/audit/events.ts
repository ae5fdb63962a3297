import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";

// One schema per kind of audit event, checked when written and when read.
// Later features add their kinds here.
export const auditEventSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user.signed_in"), payload: z.object({ email: z.string() }) }),
  z.object({ kind: z.literal("user.sign_in_failed"), payload: z.object({ email: z.string(), reason: z.string() }) }),
  z.object({ kind: z.literal("demo.seeded"), payload: z.object({ customers: z.number(), invoices: z.number() }) }),
  z.object({
    kind: z.literal("import.committed"),
    payload: z.object({
      importId: z.string(), importKind: z.enum(["customers", "invoices", "payments"]), fileName: z.string(),
      rows: z.number(), created: z.number(), updated: z.number(), unchanged: z.number(),
    }),
  }),
  z.object({ kind: z.literal("export.aging"), payload: z.object({ asOf: z.string(), format: z.literal("csv") }) }),
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
