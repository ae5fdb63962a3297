"use server";

import { defineAction } from "@/lib/actions/define-action";
import { assignReplyAction as assignReplyDef, markReplyReadAction as markReplyReadDef } from "@/lib/inbound/actions";

// A collector's answers to emailed replies (every page is revalidated after a success).
export const markReplyReadAction = defineAction(markReplyReadDef);
export const assignReplyAction = defineAction(assignReplyDef);
