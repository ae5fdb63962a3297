"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addReferenceRateAction as addRateDef, updateLawSettingsAction as updateDef } from "@/lib/law/actions";

export const updateLawSettingsAction = defineAction(updateDef);
export const addReferenceRateAction = defineAction(addRateDef);
