import type { Metadata } from "next";
import { CustomerForm } from "@/components/customer-form";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { customerFormOptions, newCustomerCurrency } from "@/lib/customers/get-customer-form";
import { bindAction } from "@/lib/server-actions/bind";

const createCustomerAction = bindAction("customers.create");

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const user = await requireUser();
  if (!canWork(user.role))
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Your role can view customers but not create them. Ask an administrator.
      </p>
    );
  const options = customerFormOptions();
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">New customer</h1>
        <p className="text-sm text-slate-500">Recorded in the audit log with every value it starts with.</p>
      </div>
      <CustomerForm
        action={createCustomerAction}
        values={{ ...emptyCustomer, currency: await newCustomerCurrency(user.orgId) }}
        countries={options.countries}
        currencies={options.currencies}
      />
    </div>
  );
}

const emptyCustomer = {
  reference: "",
  name: "",
  registrationNumber: "",
  vatNumber: "",
  type: "business",
  countryCode: "",
  language: "en",
  currency: "",
  contactPerson: "",
  email: "",
  phone: "",
  addressLine1: "",
  addressLine2: "",
  postalCode: "",
  city: "",
  preferredChannel: "post",
  dunning: "active",
  pauseReason: "",
  pauseUntil: "",
};
