"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/users/actions";

export const createUser = defineAction(createUserAction);
export const setUserRole = defineAction(setUserRoleAction);
export const setUserActive = defineAction(setUserActiveAction);
export const resetUserPassword = defineAction(resetUserPasswordAction);
