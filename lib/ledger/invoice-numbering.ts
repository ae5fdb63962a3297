import type { DbOrTx } from "@/lib/db/client";

/**
 * What makes an invoice number unique in an organization: the number within its
 * issue year (the default; numbering that restarts every year, or never), or
 * within its customer (per-customer numbering). The organization chooses it on
 * its invoices import, which remembers it (import_mappings.options); hand entry
 * and the credit notes and payments imports follow the same choice.
 */
export type InvoiceNumbering = "year" | "customer";

export async function invoiceNumbering(tx: DbOrTx, orgId: string): Promise<InvoiceNumbering> {
  const remembered = await tx.importMapping.findUnique({
    where: { orgId_kind: { orgId, kind: "invoices" } },
    select: { options: true },
  });
  const chosen = (remembered?.options as { invoiceIdentity?: unknown } | null)?.invoiceIdentity;
  return chosen === "customer" ? "customer" : "year";
}
