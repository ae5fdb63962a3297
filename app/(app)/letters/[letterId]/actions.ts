"use server";

import { defineAction } from "@/lib/actions/define-action";
import { recordTrackingAction as recordTrackingDef } from "@/lib/letters/actions";

export const recordTrackingAction = defineAction(recordTrackingDef);
