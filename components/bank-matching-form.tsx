"use client";

import type { ActionResult } from "@/lib/actions/run-action";
import { ActionForm, Field } from "./action-form";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export function BankMatchingForm({
  values,
  action,
}: {
  values: { kidMode: string; kidLength: number; paymentsStaleAfterDays: number };
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
