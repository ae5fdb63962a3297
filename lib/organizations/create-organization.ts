import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { countryName } from "@/lib/iso/codes";
import type { OrganizationFields } from "./organization-fields";

export interface FirstAdmin {
  name: string;
  email: string;
  /** Hashed before the transaction opens (hashing is slow by design). */
  passwordHash: string;
}

/**
 * An organization and its first administrator, audited, inside the caller's
 * transaction (setup deletes its one-time code in the same one). The policy
 * and templates start at their defaults, as for the demo company.
 */
export async function createOrganization(
  tx: DbOrTx,
  opts: {
    fields: OrganizationFields;
    admin: FirstAdmin;
    paymentInstructions?: string;
    via: "setup" | "setup_file" | "org_create";
  },
) {
  const taken = await tx.user.findUnique({ where: { email: opts.admin.email }, select: { id: true } });
  if (taken) {
    const message = "That email address is already in use: the first admin needs an address of their own.";
    throw new AppError("CONFLICT", message, { adminEmail: [message] });
  }
  const org = await tx.organization.create({
    data: {
      ...opts.fields,
      // Amounts across currencies are compared in the default currency until an admin picks another (Settings → Exchange rates).
      baseCurrency: opts.fields.defaultCurrency,
      // The letterhead's country line, in English until an admin writes it otherwise.
      country: countryName(opts.fields.countryCode),
      paymentInstructions: opts.paymentInstructions ?? "",
    },
  });
  const admin = await tx.user.create({
    data: {
      orgId: org.id,
      role: "ADMIN",
      name: opts.admin.name,
      email: opts.admin.email,
      passwordHash: opts.admin.passwordHash,
    },
  });
  await recordAudit(
    tx,
    { orgId: org.id, userId: admin.id },
    {
      kind: "organization.created",
      payload: { via: opts.via, name: org.name, adminEmail: admin.email, fields: { ...opts.fields } },
    },
  );
  return { org, admin };
}
