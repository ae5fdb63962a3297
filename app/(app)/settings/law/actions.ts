"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  addFeeAmountAction as addFeeDef,
  addReferenceRateAction as addRateDef,
  importRateFileAction as importDef,
  updateLawSettingsAction as updateDef,
} from "@/lib/law/actions";

export const updateLawSettingsAction = defineAction(updateDef, { revalidate: () => ["/settings/law"] });
export const addReferenceRateAction = defineAction(addRateDef, { revalidate: () => ["/settings/law"] });
export const addFeeAmountAction = defineAction(addFeeDef, { revalidate: () => ["/settings/law"] });
// A recorded rate unblocks letters: the dashboard and Today stop warning.
export const importRateFileAction = defineAction(importDef, { revalidate: () => ["/settings/law", "/", "/today"] });
