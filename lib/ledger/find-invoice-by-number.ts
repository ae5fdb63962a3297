import { invalid } from "@/lib/actions/fields";
import type { DbOrTx } from "@/lib/db/client";

/**
 * The customer's invoice an outside system names by number (a payment's or a
 * credit note's), narrowed by issue year when given. Numbers restart yearly in
 * many countries, so two years' invoices of one number are refused as
 * ambiguous with the years to choose from, never guessed.
 */
export async function findInvoiceByNumber(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; number: string; issueYear?: number; field?: string },
): Promise<string> {
  const field = opts.field ?? "invoiceNumber";
  const year = opts.issueYear;
  const found = await tx.invoice.findMany({
    where: {
      orgId: opts.orgId,
      customerId: opts.customerId,
      number: opts.number,
      ...(year ? { issueDate: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } } : {}),
    },
    select: { id: true, issueDate: true },
    take: 5,
  });
  if (!found.length)
    throw invalid(field, `This customer has no invoice ${opts.number}${year ? ` issued in ${year}` : ""}.`);
  if (found.length > 1)
    throw invalid(
      field,
      `This customer has ${found.length} invoices numbered ${opts.number} (issued ${found.map((f) => f.issueDate.getUTCFullYear()).join(", ")}); give invoiceIssueYear.`,
    );
  return found[0].id;
}
