"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  completeFollowUpAction as completeFollowUpDef,
  completeReviewAction as completeReviewDef,
} from "@/lib/collections/task-actions";

// Completing a call-back from Today: the item leaves the list, the account shows the contact.
export const completeFollowUpAction = defineAction(completeFollowUpDef);

// Completing a policy's internal review from Today.
export const completeReviewAction = defineAction(completeReviewDef);
