"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  saveBankAccountAction as saveBankAccountDef,
  updateLetterheadAction as updateLetterheadDef,
} from "@/lib/documents/actions";

export const updateLetterheadAction = defineAction(updateLetterheadDef);
export const saveBankAccountAction = defineAction(saveBankAccountDef);
