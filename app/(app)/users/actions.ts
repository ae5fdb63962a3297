"use server";

import { defineAction } from "@/lib/actions/define-action";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/users/actions";

export const createUser = defineAction(createUserAction, { revalidate: "/users" });
export const setUserRole = defineAction(setUserRoleAction, { revalidate: "/users" });
export const setUserActive = defineAction(setUserActiveAction, { revalidate: "/users" });
export const resetUserPassword = defineAction(resetUserPasswordAction, { revalidate: "/users" });
