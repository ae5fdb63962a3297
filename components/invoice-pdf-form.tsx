"use client";

import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm, Field } from "./action-form";
import { FormPanel } from "./form-panel";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

/**
 * Attaching a copy of an invoice (PDF), behind its panel: a client component, so the page
 * carries the invoice list (a few words per invoice) and the form is built when it opens.
 */
export function InvoicePdfForm({ action, invoices }: { action: Action; invoices: { value: string; label: string }[] }) {
  return (
    <FormPanel title="Attach a copy of an invoice (PDF)" testId="form-invoice-pdf">
      <p className="mb-3 text-sm text-slate-600">
        Letters list the copies they enclose; the email attaches them and the print run puts them after the letter.
        Without a copy, a letter offers one on request.
      </p>
      <ActionForm action={action} submitLabel="Store the copy" pendingLabel="Uploading…">
        <Field name="invoiceId" label="Invoice" as="select" options={invoices} />
        <Field name="file" label="PDF file (up to 5 MB)" type="file" />
      </ActionForm>
    </FormPanel>
  );
}
