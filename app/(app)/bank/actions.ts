"use server";

import { defineAction } from "@/lib/actions/define-action";
import { resolveBankLineAction as resolveBankLineDef } from "@/lib/bank/actions";

// A decided line changes the review queue, the customer's account and the bank page's counts.
export const resolveBankLineAction = defineAction(resolveBankLineDef, {
  revalidate: ({ customerId }: { customerId: string | null }) => [
    "/bank/review",
    "/bank",
    ...(customerId ? [`/customers/${customerId}`] : []),
  ],
});
