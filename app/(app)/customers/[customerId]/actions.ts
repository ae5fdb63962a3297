"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  logContactAction as logContactDef,
  openDisputeAction as openDisputeDef,
  recordHandoffAction as recordHandoffDef,
  recordPlanAction as recordPlanDef,
  recordPromiseAction as recordPromiseDef,
  resolveDisputeAction as resolveDisputeDef,
} from "@/lib/collections/actions";
import {
  addInternalNoteAction as addInternalNoteDef,
  cancelFollowUpAction as cancelFollowUpDef,
  completeFollowUpAction as completeFollowUpDef,
  scheduleFollowUpAction as scheduleFollowUpDef,
} from "@/lib/collections/task-actions";
import { assignAccountsAction as assignAccountsDef } from "@/lib/customers/assignment-actions";
import { attachInvoicePdfAction as attachInvoicePdfDef } from "@/lib/invoices/actions";
import { recordChargePaymentAction as recordChargePaymentDef } from "@/lib/law/actions";
import {
  applyCreditAction as applyCreditDef,
  recordCreditNoteAction as creditNoteDef,
  enterInvoiceAction as enterInvoiceDef,
  extendDueDateAction as extendDueDateDef,
  recordPaymentAction as recordPaymentDef,
  reversePaymentAction as reversePaymentDef,
  writeOffAction as writeOffDef,
} from "@/lib/ledger/actions";
import { sendLetterAction as sendLetterDef } from "@/lib/letters/actions";
import { emailStatementAction as emailStatementDef } from "@/lib/statements/actions";

// The customer page and everything that summarizes accounts.
const account = ({ customerId }: { customerId: string }) => [`/customers/${customerId}`, "/worklist", "/"];

export const sendLetterAction = defineAction(sendLetterDef, {
  revalidate: account,
  redirectTo: ({ letterId }) => `/letters/${letterId}?sent=1`,
});
export const logContactAction = defineAction(logContactDef, { revalidate: (d) => [...account(d), "/today"] });
export const recordPaymentAction = defineAction(recordPaymentDef, { revalidate: account });
export const recordPromiseAction = defineAction(recordPromiseDef, { revalidate: account });
export const recordPlanAction = defineAction(recordPlanDef, { revalidate: account });
export const openDisputeAction = defineAction(openDisputeDef, { revalidate: account });
export const resolveDisputeAction = defineAction(resolveDisputeDef, { revalidate: account });
export const recordHandoffAction = defineAction(recordHandoffDef, { revalidate: account });
export const recordChargePaymentAction = defineAction(recordChargePaymentDef, { revalidate: account });
export const enterInvoiceAction = defineAction(enterInvoiceDef, { revalidate: account });
export const creditNoteAction = defineAction(creditNoteDef, { revalidate: account });
export const writeOffAction = defineAction(writeOffDef, { revalidate: account });
export const extendDueDateAction = defineAction(extendDueDateDef, { revalidate: account });
export const reversePaymentAction = defineAction(reversePaymentDef, { revalidate: account });
export const applyCreditAction = defineAction(applyCreditDef, { revalidate: account });
export const attachInvoicePdfAction = defineAction(attachInvoicePdfDef, { revalidate: account });

// Ownership and call-backs also change Today and the customer list.
const tasks = ({ customerId }: { customerId: string }) => [...account({ customerId }), "/today", "/customers"];
export const scheduleFollowUpAction = defineAction(scheduleFollowUpDef, { revalidate: tasks });
export const completeFollowUpAction = defineAction(completeFollowUpDef, { revalidate: tasks });
export const cancelFollowUpAction = defineAction(cancelFollowUpDef, { revalidate: tasks });
export const addInternalNoteAction = defineAction(addInternalNoteDef, { revalidate: account });
/** Assigns one customer (this page) or a list (a worklist selection: pass customerIds as an array). */
export const assignAccountsAction = defineAction(assignAccountsDef, {
  revalidate: ({ customerIds }) => [
    ...customerIds.map((id) => `/customers/${id}`),
    "/worklist",
    "/customers",
    "/today",
  ],
});
export const emailStatementAction = defineAction(emailStatementDef, { revalidate: account });
