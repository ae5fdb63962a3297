import { invalid } from "@/lib/actions/fields";
import type { DbOrTx } from "@/lib/db/client";

/** The organization's customer with this reference (the accounting system's number), or a field error naming it. */
export async function findCustomerIdByReference(
  tx: DbOrTx,
  opts: { orgId: string; reference: string; field?: string },
): Promise<string> {
  const customer = await tx.customer.findFirst({
    where: { orgId: opts.orgId, reference: opts.reference },
    select: { id: true },
  });
  if (!customer) throw unknownCustomerReference(opts.reference, opts.field);
  return customer.id;
}

export const unknownCustomerReference = (reference: string, field = "customerReference") =>
  invalid(field, `No customer has the reference "${reference}"; create it first (PUT /api/v1/customers/{reference}).`);
