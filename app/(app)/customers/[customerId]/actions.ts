"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  logContactAction as logContactDef,
  openDisputeAction as openDisputeDef,
  recordHandoffAction as recordHandoffDef,
  recordPaymentAction as recordPaymentDef,
  recordPlanAction as recordPlanDef,
  recordPromiseAction as recordPromiseDef,
  resolveDisputeAction as resolveDisputeDef,
} from "@/lib/collections/actions";
import { sendLetterAction as sendLetterDef } from "@/lib/letters/actions";

// The customer page and everything that summarizes accounts.
const account = ({ customerId }: { customerId: string }) => [`/customers/${customerId}`, "/worklist", "/"];

export const sendLetterAction = defineAction(sendLetterDef, {
  revalidate: account,
  redirectTo: ({ letterId }) => `/letters/${letterId}?sent=1`,
});
export const logContactAction = defineAction(logContactDef, { revalidate: account });
export const recordPaymentAction = defineAction(recordPaymentDef, { revalidate: account });
export const recordPromiseAction = defineAction(recordPromiseDef, { revalidate: account });
export const recordPlanAction = defineAction(recordPlanDef, { revalidate: account });
export const openDisputeAction = defineAction(openDisputeDef, { revalidate: account });
export const resolveDisputeAction = defineAction(resolveDisputeDef, { revalidate: account });
export const recordHandoffAction = defineAction(recordHandoffDef, { revalidate: account });
