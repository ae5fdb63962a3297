"use server";

import { defineAction } from "@/lib/actions/define-action";
import { completeFollowUpAction as completeFollowUpDef } from "@/lib/collections/task-actions";

// Completing a call-back from Today: the item leaves the list, the account shows the contact.
export const completeFollowUpAction = defineAction(completeFollowUpDef);
