"use client";

import type { ActionResult } from "@/lib/actions/run-action";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export function BankMatchingForm({
  values,
  action,
}: {
  values: { kidMode: string; kidLength: number; rfReferences: boolean; paymentsStaleAfterDays: number };
  action: Action;
}) {
  return (
    <ActionForm action={action} submitLabel="Save" testId="bank-matching-form" resetOnSuccess={false}>
      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">KID on invoices</legend>
        <Field
          as="select"
          name="kidMode"
          label="KID (Norwegian payment reference)"
          defaultValue={values.kidMode}
          hint="Every invoice entered or imported without a KID gets one, printed on its letters and statements. A KID an invoice already has is kept."
          options={[
            { value: "off", label: "Off: invoices get no KID" },
            { value: "mod10", label: "MOD10 check digit (Luhn)" },
            { value: "mod11", label: "MOD11 check digit" },
          ]}
        />
        <Field
          name="kidLength"
          label="KID length in digits"
          inputMode="text"
          defaultValue={String(values.kidLength)}
          hint="2 to 25, check digit included; 0 makes it as long as the customer reference and invoice number. Ask your bank which length its KID agreement uses."
        />
      </fieldset>
      <fieldset className="space-y-2 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">RF references on EUR invoices</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            name="rfReferences"
            defaultChecked={values.rfReferences}
            className="mt-0.5"
            aria-describedby="rfReferences-hint"
          />
          <span>RF creditor references on EUR invoices</span>
        </label>
        <p id="rfReferences-hint" className="text-xs text-slate-600">
          Every EUR invoice entered or imported without one gets an ISO 11649 RF reference made of its invoice number's
          letters and digits (other characters dropped, at most the last 21), printed on its letters and statements. A
          reference an invoice already has is kept.
        </p>
      </fieldset>
      <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-white p-5">
        <legend className="px-1 text-sm font-semibold">Payments known up to</legend>
        <Field
          name="paymentsStaleAfterDays"
          label="Stale after (bank days)"
          inputMode="text"
          defaultValue={String(values.paymentsStaleAfterDays)}
          hint="When the newest bank statement is older than this, sending a letter asks to confirm the date payments are known up to, and a bulk send waits for a newer statement or an administrator."
        />
      </fieldset>
    </ActionForm>
  );
}
