"use server";

import { defineAction } from "@/lib/actions/define-action";
import { resolveBankLineAction as resolveBankLineDef } from "@/lib/bank/actions";

export const resolveBankLineAction = defineAction(resolveBankLineDef);
