"use server";

import { defineAction } from "@/lib/actions/define-action";
import { startBulkSendAction as startDef } from "@/lib/letters/actions";

export const startBulkSendAction = defineAction(startDef);
