"use server";

import { defineAction } from "@/lib/actions/define-action";
import { emailLetterAction as emailLetterDef } from "@/lib/delivery/actions";

export const emailLetterAction = defineAction(emailLetterDef);
