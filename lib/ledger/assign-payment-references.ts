import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildKid, type KidMode, rfReferenceForInvoice } from "@/lib/iso/payment-reference";

/**
 * Gives new invoices the payment references the organization issues, when they came
 * without one:
 * - a KID, when it uses KID (kid_mode "mod10" or "mod11"): the customer reference and
 *   invoice number digits, padded to kid_length, and the check digit;
 * - an ISO 11649 RF creditor reference on EUR invoices, when rf_references is on: built
 *   from the invoice number (rfReferenceForInvoice says which characters are kept).
 * A KID or RF reference imported or typed with the invoice is kept. Letters and
 * statements print them; the bank matching finds the invoice by them.
 */
export async function assignPaymentReferences(
  tx: DbOrTx,
  opts: { orgId: string; invoiceIds: string[] },
): Promise<number> {
  if (!opts.invoiceIds.length) return 0;
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: opts.orgId },
    select: { kidMode: true, kidLength: true, rfReferences: true },
  });
  const kidMode: KidMode | null = org.kidMode === "mod10" || org.kidMode === "mod11" ? org.kidMode : null;
  if (!kidMode && !org.rfReferences) return 0;
  const rows = await tx.$queryRaw<
    {
      id: string;
      number: string;
      reference: string;
      currency: string;
      kid: string | null;
      rf_reference: string | null;
    }[]
  >`
    SELECT i.id, i.number, c.reference, i.currency, i.kid, i.rf_reference
    FROM invoices i JOIN customers c ON c.id = i.customer_id
    WHERE i.org_id = ${opts.orgId}::uuid AND i.id = ANY(${opts.invoiceIds}::uuid[])
      AND (i.kid IS NULL OR i.rf_reference IS NULL)`;
  const refs = rows.flatMap((r) => {
    const kid =
      kidMode && !r.kid
        ? buildKid({ mode: kidMode, length: org.kidLength, customerRef: r.reference, invoiceNumber: r.number })
        : null;
    // RF is the SEPA structured reference: euro invoices only.
    const rf =
      org.rfReferences && !r.rf_reference && r.currency.trim() === "EUR" ? rfReferenceForInvoice(r.number) : null;
    return kid || rf ? [{ id: r.id, kid, rf }] : [];
  });
  if (!refs.length) return 0;
  return tx.$executeRaw(Prisma.sql`
    UPDATE invoices AS i SET kid = COALESCE(i.kid, r.kid), rf_reference = COALESCE(i.rf_reference, r.rf)
    FROM jsonb_to_recordset(${JSON.stringify(refs)}::jsonb) AS r(id uuid, kid text, rf text)
    WHERE i.id = r.id AND i.org_id = ${opts.orgId}::uuid`);
}
