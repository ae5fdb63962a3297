import { z } from "zod";
import { invalid, textField } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";

// Saved collection agencies (Settings → Agencies): admins keep them, the hand-off form
// chooses one, and the hand-off and its pack name it.

/** What an admin enters for an agency; the form posts every field (empty where unknown). */
export const agencyFieldsSchema = z.object({
  name: textField(200, { required: "Write the agency's name." }),
  address: textField(500),
  email: z
    .string({ message: "Enter an email address." })
    .trim()
    .toLowerCase()
    .max(254, "An email address has at most 254 characters.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like cases@agency.example."),
  paymentDetails: textField(500),
  referenceFormat: textField(60).refine(
    (v) => v === "" || /^[\w #@./-]+$/.test(v),
    "Use # for a digit, @ for a letter, and letters, digits, spaces or - / . as written.",
  ),
});
export type AgencyFields = z.infer<typeof agencyFieldsSchema>;

export interface SavedAgency extends AgencyFields {
  id: string;
}

/** "NR-#####": # a digit, @ a letter, anything else as written (case-insensitive); "" fits anything. */
export function fitsReferenceFormat(reference: string, format: string): boolean {
  if (!format) return true;
  const pattern = [...format]
    .map((ch) => (ch === "#" ? "\\d" : ch === "@" ? "\\p{L}" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${pattern}$`, "iu").test(reference.trim());
}

function assertAdmin(actor: Actor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change the saved agencies.");
}

const agencySelect = {
  id: true,
  name: true,
  address: true,
  email: true,
  paymentDetails: true,
  referenceFormat: true,
} as const;

/** The organization's agencies by name: the settings list and the hand-off form's choice. */
export function listAgencies(db: DbOrTx, opts: { orgId: string }): Promise<SavedAgency[]> {
  return db.collectionAgency.findMany({ where: { orgId: opts.orgId }, select: agencySelect, orderBy: { name: "asc" } });
}

/** One agency of the organization, or NOT_FOUND (another organization's id included). */
export async function getAgencyOrThrow(db: DbOrTx, opts: { orgId: string; agencyId: string }): Promise<SavedAgency> {
  const agency = await db.collectionAgency.findFirst({
    where: { id: opts.agencyId, orgId: opts.orgId },
    select: agencySelect,
  });
  if (!agency) throw notFound("That agency");
  return agency;
}

/** Adds an agency (agencyId null) or changes one; audited with before and after. A name is used once per organization. */
export async function saveAgency(
  db: Db,
  input: { orgId: string; actor: Actor; agencyId: string | null; fields: AgencyFields },
): Promise<{ agencyId: string }> {
  assertAdmin(input.actor);
  const fields = agencyFieldsSchema.parse(input.fields);
  return db.$transaction(async (tx) => {
    const before = input.agencyId ? await getAgencyOrThrow(tx, { orgId: input.orgId, agencyId: input.agencyId }) : null;
    const clash = await tx.collectionAgency.findFirst({
      where: { orgId: input.orgId, name: fields.name, ...(before ? { id: { not: before.id } } : {}) },
      select: { id: true },
    });
    if (clash) throw invalid("name", `An agency named "${fields.name}" is saved already.`);
    const saved = before
      ? await tx.collectionAgency.update({ where: { id: before.id }, data: fields, select: agencySelect })
      : await tx.collectionAgency.create({ data: { orgId: input.orgId, ...fields }, select: agencySelect });
    const fieldsOf = ({ id: _id, ...rest }: SavedAgency): AgencyFields => rest;
    const id = saved.id;
    const after = fieldsOf(saved);
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "agency.saved", payload: { agencyId: id, before: before ? fieldsOf(before) : null, after } },
    );
    return { agencyId: id };
  });
}

/** Removes an agency no hand-off names (one that does stays: its hand-offs and packs name it). */
export async function removeAgency(db: Db, input: { orgId: string; actor: Actor; agencyId: string }) {
  assertAdmin(input.actor);
  return db.$transaction(async (tx) => {
    const agency = await getAgencyOrThrow(tx, input);
    const used = await tx.agencyHandoff.count({ where: { orgId: input.orgId, agencyId: agency.id } });
    if (used)
      throw new AppError(
        "CONFLICT",
        `${agency.name} has ${used} hand-off${used === 1 ? "" : "s"} on record, so it stays; change its details instead.`,
      );
    await tx.collectionAgency.delete({ where: { id: agency.id } });
    const { id, ...before } = agency;
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "agency.removed", payload: { agencyId: id, before } },
    );
  });
}
