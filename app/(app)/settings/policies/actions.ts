"use server";

import { defineAction } from "@/lib/actions/define-action";
import { savePolicyAction as savePolicyDef, saveRulesAction as saveRulesDef } from "@/lib/policies/actions";

// Policies change what the worklist, the plan and Today say: those pages are read again.
const AFFECTED = ["/settings/policies", "/worklist", "/today", "/letters"];

export const savePolicyAction = defineAction(savePolicyDef, { revalidate: () => AFFECTED });
export const saveRulesAction = defineAction(saveRulesDef, { revalidate: () => AFFECTED });
