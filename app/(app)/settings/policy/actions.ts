"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updatePolicyAction as updatePolicyDef } from "@/lib/collections/actions";

export const updatePolicyAction = defineAction(updatePolicyDef);
