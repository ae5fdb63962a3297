"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api-runtime/actions";

export const createApiToken = defineAction(createApiTokenAction, { revalidate: "/settings/api-tokens" });
export const revokeApiToken = defineAction(revokeApiTokenAction, { revalidate: "/settings/api-tokens" });
