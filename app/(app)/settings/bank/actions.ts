"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updateBankMatchingAction as updateBankMatchingDef } from "@/lib/bank/actions";

export const updateBankMatchingAction = defineAction(updateBankMatchingDef);
