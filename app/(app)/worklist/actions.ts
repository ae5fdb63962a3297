"use server";

import { defineAction } from "@/lib/actions/define-action";
import { planDueLettersAction as planDef, sendDueChunkAction as sendChunkDef } from "@/lib/collections/actions";

export const planDueLettersAction = defineAction(planDef);
export const sendDueChunkAction = defineAction(sendChunkDef, { revalidate: "/worklist" });
