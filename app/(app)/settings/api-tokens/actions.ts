"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-runtime/actions";

export const createApiToken = defineAction(createApiTokenAction);
export const revokeApiToken = defineAction(revokeApiTokenAction);
