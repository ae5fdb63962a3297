"use server";

import { defineAction } from "@/lib/actions/define-action";
import { templateAction as templateDef } from "@/lib/letters/template-actions";

export const templateAction = defineAction(templateDef);
