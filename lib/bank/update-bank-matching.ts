import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

export interface BankMatchingSettings {
  /** KIDs this organization gives its invoices: off, or built with a MOD10 or MOD11 check digit. */
  kidMode: "off" | "mod10" | "mod11";
  /** Digits of a KID, check digit included; 0: as long as customer reference + invoice number make it. */
  kidLength: number;
  /** Whether EUR invoices entered or imported without one get an ISO 11649 RF reference built from their number. */
  rfReferences: boolean;
  /** Bank days after which the payments known up to date is stale (sending then asks for a confirmation). */
  paymentsStaleAfterDays: number;
}

/** The organization's bank matching settings as the settings page shows them. */
export async function getBankMatchingSettings(db: Db, orgId: string): Promise<BankMatchingSettings> {
  const org = await db.organization.findUniqueOrThrow({
    where: { id: orgId },
    select: { kidMode: true, kidLength: true, rfReferences: true, paymentsStaleAfterDays: true },
  });
  const kidMode = org.kidMode === "mod10" || org.kidMode === "mod11" ? org.kidMode : "off";
  return {
    kidMode,
    kidLength: org.kidLength,
    rfReferences: org.rfReferences,
    paymentsStaleAfterDays: org.paymentsStaleAfterDays,
  };
}

/**
 * Saves the KID mode, the RF switch and the staleness limit, with the new values
 * audited (organization.bank_matching_updated) in the same transaction. Invoices
 * that already have a KID or RF reference keep it: a reference printed on a letter
 * must stay payable, also after the switch is turned off.
 */
export async function updateBankMatching(
  db: Db,
  opts: { orgId: string; actor: { userId: string; role: Role }; ip?: string; settings: BankMatchingSettings },
): Promise<{ changed: boolean }> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change bank matching.");
  const next = { ...opts.settings, kidLength: opts.settings.kidMode === "off" ? 0 : opts.settings.kidLength };
  return db.$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<
      { kid_mode: string; kid_length: number; rf_references: boolean; payments_stale_after_days: number }[]
    >`
      SELECT kid_mode, kid_length, rf_references, payments_stale_after_days
      FROM organizations WHERE id = ${opts.orgId}::uuid FOR UPDATE`;
    if (!current) throw new AppError("NOT_FOUND", "That organization was not found.");
    if (
      current.kid_mode === next.kidMode &&
      current.kid_length === next.kidLength &&
      current.rf_references === next.rfReferences &&
      current.payments_stale_after_days === next.paymentsStaleAfterDays
    )
      return { changed: false };
    await tx.organization.update({ where: { id: opts.orgId }, data: next });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
      { kind: "organization.bank_matching_updated", payload: next },
    );
    return { changed: true };
  });
}
