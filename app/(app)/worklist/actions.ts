"use server";

import { defineAction } from "@/lib/actions/define-action";
import { confirmBulkSendAction as confirmDef, selectionAction as selectionDef } from "@/lib/letters/actions";

export const confirmBulkSendAction = defineAction(confirmDef);
// The worklist's and the report's toolbar: "plan" goes to the plan page narrowed to the
// selection; "pause" and "assign" stay and refresh both pages (and, for an assignment,
// the lists that show who works an account).
export const selectionAction = defineAction(selectionDef);
