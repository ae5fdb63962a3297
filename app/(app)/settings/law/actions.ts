"use server";

import { defineAction } from "@/lib/actions/define-action";
import { addReferenceRateAction as addRateDef, updateLawSettingsAction as updateDef } from "@/lib/law/actions";

export const updateLawSettingsAction = defineAction(updateDef, { revalidate: () => ["/settings/law"] });
export const addReferenceRateAction = defineAction(addRateDef, { revalidate: () => ["/settings/law"] });
