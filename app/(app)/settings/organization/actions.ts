"use server";

import { defineAction } from "@/lib/actions/define-action";
import { updateOrganizationAction as updateOrganizationDef } from "@/lib/organizations/actions";

export const updateOrganizationAction = defineAction(updateOrganizationDef);
