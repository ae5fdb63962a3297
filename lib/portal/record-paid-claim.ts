import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";
import { createCustomerRequest } from "./create-request";

// "The customer says it has paid": the account's next letter waits until a payment
// of the account dated on or after that day arrives, or a collector handles the claim
// (lib/collections/account-state.ts reads open claims as a hold). The bank issue (23)
// defines the same verb in lib/bank with this signature; until it lands on main this
// one is the account's paid-claim rule, and one of the two goes when they meet.

export interface PaidClaimInput {
  orgId: string;
  customerId: string;
  currency: string;
  paidOn: DateOnly;
  /** Minor units, when the customer said how much. */
  amountMinor?: number;
  reference?: string;
  /** Who said it: "portal" (the customer's page), "email" (a reply), "collector". */
  source: string;
  /** The contact-history entry that carries it, when there is one. */
  contactId?: string | null;
  /** The collector who entered it; null when the customer did. */
  userId?: string | null;
}

export async function recordPaidClaim(tx: DbOrTx, input: PaidClaimInput): Promise<{ requestId: string }> {
  return createCustomerRequest(
    tx,
    {
      orgId: input.orgId,
      customerId: input.customerId,
      currency: input.currency,
      kind: "PAID_CLAIM",
      source: input.source,
      contactId: input.contactId ?? null,
      paidOn: dateOnlyToDb(input.paidOn),
      amountMinor: input.amountMinor === undefined ? null : BigInt(input.amountMinor),
      reference: input.reference?.trim() ?? "",
    },
    input.userId ?? null,
  );
}
