import {
  logContactAction,
  openDisputeAction,
  recordHandoffAction,
  recordPaymentAction,
  recordPlanAction,
  recordPromiseAction,
  resolveDisputeAction,
  sendLetterAction,
  startBulkSendAction,
  updatePolicyAction,
} from "@/lib/collections/actions";
import { emailLetterAction } from "@/lib/delivery/actions";
import { updateLetterheadAction } from "@/lib/documents/actions";
import { verifyHistoryAction } from "@/lib/history/actions";
import { checkImportAction, chooseHeaderRowAction, commitImportAction } from "@/lib/imports/actions";
import { recordTrackingAction } from "@/lib/letters/actions";
import { templateAction } from "@/lib/letters/template-actions";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/users/actions";
import type { AnyActionDefinition } from "./run-action";

/**
 * Every server action's definition. tests/role-matrix.test.ts fails until each
 * one here has a row there (who may run it and a valid input), and then runs it
 * as every role, unauthenticated, with hostile inputs and with another
 * organization's ids. To add an action: define it in lib/<domain>/actions.ts
 * with actionDefinition(), list it here, add its row in tests/action-table.ts.
 */
export const actionRegistry: AnyActionDefinition[] = [
  emailLetterAction,
  updateLetterheadAction,
  templateAction,
  createUserAction,
  setUserRoleAction,
  setUserActiveAction,
  resetUserPasswordAction,
  verifyHistoryAction,
  sendLetterAction,
  logContactAction,
  recordPaymentAction,
  recordPromiseAction,
  recordPlanAction,
  openDisputeAction,
  resolveDisputeAction,
  recordHandoffAction,
  recordTrackingAction,
  startBulkSendAction,
  updatePolicyAction,
  checkImportAction,
  chooseHeaderRowAction,
  commitImportAction,
];
