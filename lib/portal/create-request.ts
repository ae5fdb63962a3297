import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** One request from a customer with its audit record (no user: the customer), inside the caller's transaction. */
export async function createCustomerRequest(
  tx: DbOrTx,
  data: Prisma.CustomerRequestUncheckedCreateInput,
  userId: string | null = null,
): Promise<{ requestId: string }> {
  const request = await tx.customerRequest.create({ data });
  await recordAudit(
    tx,
    { orgId: data.orgId, userId },
    {
      kind: "portal.request",
      payload: {
        requestId: request.id,
        customerId: data.customerId,
        currency: data.currency,
        kind: data.kind,
        source: data.source,
      },
    },
  );
  return { requestId: request.id };
}
