"use server";

import { defineAction } from "@/lib/actions/define-action";
import { savePolicyAction as savePolicyDef, saveRulesAction as saveRulesDef } from "@/lib/policies/actions";

export const savePolicyAction = defineAction(savePolicyDef);
export const saveRulesAction = defineAction(saveRulesDef);
