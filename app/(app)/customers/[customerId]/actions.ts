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
import { assignPolicyAction as assignPolicyDef } from "@/lib/policies/actions";
import { emailStatementAction as emailStatementDef } from "@/lib/statements/actions";

export const sendLetterAction = defineAction(sendLetterDef);
export const logContactAction = defineAction(logContactDef);
export const recordPaymentAction = defineAction(recordPaymentDef);
export const recordPromiseAction = defineAction(recordPromiseDef);
export const recordPlanAction = defineAction(recordPlanDef);
export const openDisputeAction = defineAction(openDisputeDef);
export const resolveDisputeAction = defineAction(resolveDisputeDef);
export const recordHandoffAction = defineAction(recordHandoffDef);
export const recordChargePaymentAction = defineAction(recordChargePaymentDef);
export const enterInvoiceAction = defineAction(enterInvoiceDef);
export const creditNoteAction = defineAction(creditNoteDef);
export const writeOffAction = defineAction(writeOffDef);
export const extendDueDateAction = defineAction(extendDueDateDef);
export const reversePaymentAction = defineAction(reversePaymentDef);
export const applyCreditAction = defineAction(applyCreditDef);
export const attachInvoicePdfAction = defineAction(attachInvoicePdfDef);

// Ownership and call-backs.
export const scheduleFollowUpAction = defineAction(scheduleFollowUpDef);
export const completeFollowUpAction = defineAction(completeFollowUpDef);
export const cancelFollowUpAction = defineAction(cancelFollowUpDef);
export const addInternalNoteAction = defineAction(addInternalNoteDef);
/** Assigns one customer (this page) or a list (a worklist selection: pass customerIds as an array). */
export const assignAccountsAction = defineAction(assignAccountsDef);
export const emailStatementAction = defineAction(emailStatementDef);

// An administrator's choice of the customer's collection policy and its tags.
export const assignPolicyAction = defineAction(assignPolicyDef);
