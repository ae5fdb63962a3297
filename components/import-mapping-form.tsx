"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { ImportField } from "@/lib/imports/fields";
import { INVOICE_IDENTITIES, INVOICE_IDENTITY_LABEL } from "@/lib/imports/invoice-identity";
import { DATE_FORMAT_LABEL, DATE_FORMATS } from "@/lib/imports/parse-values";
import { SAME_NUMBER_CHOICES, SAME_NUMBER_LABEL } from "@/lib/imports/same-number";

const field =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

/** Step 2: which column holds which field, and how dates and amounts are written. */
export function ImportMappingForm(props: {
  importId: string;
  fields: ImportField[];
  headers: string[];
  mapping: Record<string, string>;
  options: {
    dateFormat: string;
    decimalSeparator: string;
    invoiceIdentity?: string;
    mergeLines?: boolean;
    sameNumber?: string;
  };
  kind: string;
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const [state, formAction, pending] = useActionState(props.action, undefined);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form
      action={formAction}
      className="space-y-5 rounded-xl border border-slate-200 bg-white p-6 shadow-sm"
      noValidate
    >
      <input type="hidden" name="importId" value={props.importId} />
      <fieldset>
        <legend className="text-sm font-semibold text-slate-800">Columns</legend>
        <div className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {props.fields.map((f) => (
            <div key={f.key}>
              <label htmlFor={`map-${f.key}`} className="block text-xs font-medium text-slate-600">
                {f.label}
                {f.required && (
                  <span className="text-red-700" aria-hidden>
                    {" "}
                    *
                  </span>
                )}
              </label>
              <select
                id={`map-${f.key}`}
                name={`map.${f.key}`}
                defaultValue={props.mapping[f.key] ?? ""}
                aria-invalid={errors[f.key] ? true : undefined}
                aria-describedby={`map-${f.key}-error`}
                required={f.required}
                className={`${field} mt-1 w-full`}
              >
                <option value="">{f.required ? "Choose a column…" : "(not in this file)"}</option>
                {props.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
              <p id={`map-${f.key}-error`} aria-live="polite" className="mt-0.5 text-xs text-red-700">
                {errors[f.key]?.join(" ")}
              </p>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-6">
        <div>
          <label htmlFor="dateFormat" className="block text-xs font-medium text-slate-600">
            Dates are written as
          </label>
          <select
            id="dateFormat"
            name="dateFormat"
            defaultValue={props.options.dateFormat}
            aria-describedby="dateFormat-error"
            className={`${field} mt-1`}
          >
            {DATE_FORMATS.map((d) => (
              <option key={d} value={d}>
                {DATE_FORMAT_LABEL[d]}
              </option>
            ))}
          </select>
          <p id="dateFormat-error" aria-live="polite" className="mt-0.5 text-xs text-red-700">
            {errors.dateFormat?.join(" ")}
          </p>
        </div>
        <div>
          <label htmlFor="decimalSeparator" className="block text-xs font-medium text-slate-600">
            Decimal mark in amounts
          </label>
          <select
            id="decimalSeparator"
            name="decimalSeparator"
            defaultValue={props.options.decimalSeparator}
            aria-describedby="decimalSeparator-error"
            className={`${field} mt-1`}
          >
            <option value=".">Point: 1,234.56</option>
            <option value=",">Comma: 1.234,56 or 1 234,56</option>
          </select>
          <p id="decimalSeparator-error" aria-live="polite" className="mt-0.5 text-xs text-red-700">
            {errors.decimalSeparator?.join(" ")}
          </p>
        </div>
        {props.kind === "customers" && (
          <div className="min-w-0 max-w-full">
            <label htmlFor="sameNumber" className="block text-xs font-medium text-slate-600">
              A row whose VAT or registration number is already a customer&rsquo;s
            </label>
            <select
              id="sameNumber"
              name="sameNumber"
              defaultValue={props.options.sameNumber ?? "flag"}
              aria-describedby="sameNumber-error"
              className={`${field} mt-1 w-full max-w-full`}
            >
              {SAME_NUMBER_CHOICES.map((c) => (
                <option key={c} value={c}>
                  {SAME_NUMBER_LABEL[c]}
                </option>
              ))}
            </select>
            <p id="sameNumber-error" aria-live="polite" className="mt-0.5 text-xs text-red-700">
              {errors.sameNumber?.join(" ")}
            </p>
          </div>
        )}
        {props.kind === "invoices" && (
          <div className="min-w-0 max-w-full">
            <label htmlFor="invoiceIdentity" className="block text-xs font-medium text-slate-600">
              An invoice is the same as one already imported when
            </label>
            <select
              id="invoiceIdentity"
              name="invoiceIdentity"
              defaultValue={props.options.invoiceIdentity ?? "year"}
              aria-describedby="invoiceIdentity-error"
              className={`${field} mt-1 w-full max-w-full`}
            >
              {INVOICE_IDENTITIES.map((i) => (
                <option key={i} value={i}>
                  {INVOICE_IDENTITY_LABEL[i]}
                </option>
              ))}
            </select>
            <p id="invoiceIdentity-error" aria-live="polite" className="mt-0.5 text-xs text-red-700">
              {errors.invoiceIdentity?.join(" ")}
            </p>
          </div>
        )}
        {props.kind === "invoices" && (
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" name="mergeLines" defaultChecked={props.options.mergeLines} className="size-4" />
            Add up the lines of each invoice (one row per invoice line)
          </label>
        )}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-red-700">
        {state && !state.ok ? state.message : ""}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
      >
        {pending ? "Saving…" : "Check the file"}
      </button>
    </form>
  );
}
