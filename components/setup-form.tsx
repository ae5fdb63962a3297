"use client";

import type { ActionResult } from "@/lib/actions/run-action";
import { ActionForm, Field } from "./action-form";
import { OrganizationFields, type OrganizationFormOptions } from "./organization-fields";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export function SetupForm({ action, options }: { action: Action; options: OrganizationFormOptions }) {
  return (
    <ActionForm action={action} submitLabel="Set up the company" pendingLabel="Setting up…" testId="setup-form">
      <OrganizationFields options={options} />
      <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-sm font-semibold text-slate-900">Payment</legend>
        <Field
          as="textarea"
          name="paymentInstructions"
          label="Payment instructions"
          hint="Bank account and what to quote; printed on every letter. You can change it later under Letterhead."
        />
      </fieldset>
      <fieldset className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <legend className="px-1 text-sm font-semibold text-slate-900">First administrator</legend>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-2">
          <Field name="adminName" label="Name" />
          <Field name="adminEmail" label="Email" type="email" />
          <Field name="adminPassword" label="Password" type="password" hint="At least 12 characters" />
        </div>
      </fieldset>
      <fieldset className="rounded-xl border border-amber-300 bg-amber-50 p-5 shadow-sm">
        <legend className="px-1 text-sm font-semibold text-slate-900">Setup code</legend>
        <Field
          name="code"
          label="One-time setup code"
          hint="Printed by npm start in its console, and kept in .data/setup-code on the server."
        />
      </fieldset>
    </ActionForm>
  );
}
