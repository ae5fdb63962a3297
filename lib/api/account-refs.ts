import { z } from "zod";
import type { ApiContext } from "@/lib/api-runtime/define-operation";
import { findCustomerIdByReference } from "@/lib/customers/find-customer-by-reference";
import { findInvoiceByNumber } from "@/lib/ledger/find-invoice-by-number";

/** How a payment or credit note names the invoice it is for, by the accounting system's number. */
export const invoiceRefFields = {
  invoiceNumber: z.string().trim().min(1).max(100).optional(),
  invoiceIssueYear: z
    .int()
    .min(2000)
    .max(2099)
    .optional()
    .meta({ description: "The invoice's issue year, when its number recurs across years." }),
};

/** The customer (by reference) and, when named, its invoice (by number and year), or field errors naming what is missing. */
export async function resolveAccountRefs(
  ctx: ApiContext,
  refs: { customerReference: string; invoiceNumber?: string; invoiceIssueYear?: number },
) {
  const customerId = await findCustomerIdByReference(ctx.db, { orgId: ctx.orgId, reference: refs.customerReference });
  const invoiceId = refs.invoiceNumber
    ? await findInvoiceByNumber(ctx.db, {
        orgId: ctx.orgId,
        customerId,
        number: refs.invoiceNumber,
        issueYear: refs.invoiceIssueYear,
      })
    : null;
  return { customerId, invoiceId };
}
