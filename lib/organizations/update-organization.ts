import { recordAudit } from "@/lib/audit/events";
import { fieldChanges } from "@/lib/audit/field-changes";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { type OrganizationFields, organizationFieldsOf } from "./organization-fields";

/**
 * Saves what setup asked, audited with the values before and after. A new
 * time zone changes how later instants fall into days; what is recorded stays:
 * dates are stored as dates (due, paid, deadlines) and instants as instants,
 * so nothing already recorded is re-dated. Letters keep the text they were sent with.
 */
export async function updateOrganization(
  db: Db,
  opts: { orgId: string; actor: { userId: string; role: Role }; ip?: string; fields: OrganizationFields },
): Promise<{ changed: string[] }> {
  if (opts.actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an administrator can change the organization.");
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM organizations WHERE id = ${opts.orgId}::uuid FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", "That organization was not found.");
    const current = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
    const { before, after } = fieldChanges(organizationFieldsOf(current), opts.fields);
    const changed = Object.keys(after);
    if (!changed.length) return { changed };
    await tx.organization.update({ where: { id: opts.orgId }, data: after });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
      {
        kind: "organization.updated",
        payload: { before, after },
      },
    );
    return { changed };
  });
}
