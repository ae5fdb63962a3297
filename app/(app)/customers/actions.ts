"use server";

import { defineAction } from "@/lib/actions/define-action";
import {
  createCustomerAction as createCustomerDef,
  updateCustomerAction as updateCustomerDef,
} from "@/lib/customers/actions";

export const createCustomerAction = defineAction(createCustomerDef, {
  revalidate: "/customers",
  redirectTo: (data) => `/customers/${data.customerId}`,
});

export const updateCustomerAction = defineAction(updateCustomerDef, {
  revalidate: (data) => ["/customers", `/customers/${data.customerId}`, `/customers/${data.customerId}/edit`],
});
