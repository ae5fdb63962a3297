import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildKid, type KidMode } from "@/lib/iso/payment-reference";

/**
 * Gives invoices without a KID one, when the organization uses KID (kid_mode
 * "mod10" or "mod11"): the customer reference and invoice number digits, padded
 * to kid_length, and the check digit. An imported or typed KID is kept. Letters
 * print it; the bank matching finds the invoice by it.
 */
export async function assignKids(tx: DbOrTx, opts: { orgId: string; invoiceIds: string[] }): Promise<number> {
  if (!opts.invoiceIds.length) return 0;
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: opts.orgId },
    select: { kidMode: true, kidLength: true },
  });
  if (org.kidMode !== "mod10" && org.kidMode !== "mod11") return 0;
  const mode: KidMode = org.kidMode;
  const rows = await tx.$queryRaw<{ id: string; number: string; reference: string }[]>`
    SELECT i.id, i.number, c.reference FROM invoices i JOIN customers c ON c.id = i.customer_id
    WHERE i.org_id = ${opts.orgId}::uuid AND i.id = ANY(${opts.invoiceIds}::uuid[]) AND i.kid IS NULL`;
  const kids = rows.flatMap((r) => {
    const kid = buildKid({ mode, length: org.kidLength, customerRef: r.reference, invoiceNumber: r.number });
    return kid ? [{ id: r.id, kid }] : [];
  });
  if (!kids.length) return 0;
  return tx.$executeRaw(Prisma.sql`
    UPDATE invoices AS i SET kid = r.kid
    FROM jsonb_to_recordset(${JSON.stringify(kids)}::jsonb) AS r(id uuid, kid text)
    WHERE i.id = r.id AND i.org_id = ${opts.orgId}::uuid AND i.kid IS NULL`);
}
