"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  addFeeAmountAction as addFeeDef,
  addReferenceRateAction as addRateDef,
  importRateFileAction as importDef,
  updateLawSettingsAction as updateDef,
} from "@/lib/law/actions";

export const updateLawSettingsAction = defineAction(updateDef);
export const addReferenceRateAction = defineAction(addRateDef);
export const addFeeAmountAction = defineAction(addFeeDef);
export const importRateFileAction = defineAction(importDef);
