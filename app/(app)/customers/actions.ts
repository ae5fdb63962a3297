"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  createCustomerAction as createCustomerDef,
  updateCustomerAction as updateCustomerDef,
} from "@/lib/customers/actions";

export const createCustomerAction = defineAction(createCustomerDef);

export const updateCustomerAction = defineAction(updateCustomerDef);
