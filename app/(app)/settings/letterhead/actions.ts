"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updateLetterheadAction as updateLetterheadDef } from "@/lib/documents/actions";

export const updateLetterheadAction = defineAction(updateLetterheadDef, { revalidate: "/settings/letterhead" });
