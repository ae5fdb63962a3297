"use client";

import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm, Field } from "./action-form";
import { FormPanel as Panel } from "./form-panel";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export interface LedgerFormActions {
  enterInvoice: Action;
  creditNote: Action;
  writeOff: Action;
  extendDueDate: Action;
  reversePayment: Action;
  applyCredit: Action;
}

type Option = { id: string; label: string };

/**
 * Invoices and their corrections on the customer page: each is a new entry in
 * the ledger, never an edit. Shown only to roles that may change accounts.
 */
export function LedgerForms({
  customerId,
  currency,
  openInvoices,
  payments,
  credits,
  today,
  actions,
}: {
  customerId: string;
  /** The customer's usual currency, preselected for a new invoice. */
  currency: string;
  openInvoices: Option[];
  /** Payments not yet reversed. */
  payments: Option[];
  /** Account credit per currency, e.g. "EUR 300.00". */
  credits: string[];
  today: string;
  actions: LedgerFormActions;
}) {
  const invoiceSelect = (
    <Field
      name="invoiceId"
      label="Invoice"
      as="select"
      options={openInvoices.map((i) => ({ value: i.id, label: i.label }))}
    />
  );
  const none = <p className="text-sm text-slate-500">No open invoice.</p>;
  return (
    <div className="grid items-start gap-3 lg:grid-cols-2">
      <Panel title="Enter an invoice" testId="form-invoice">
        <ActionForm action={actions.enterInvoice} submitLabel="Enter invoice" hidden={{ customerId }}>
          <div className="grid grid-cols-2 gap-3">
            <Field name="number" label="Invoice number" />
            <Field name="currency" label="Currency" defaultValue={currency} hint="ISO code: EUR, NOK, USD" />
          </div>
          <Field name="amount" label="Amount" inputMode="decimal" hint="1250.50 or 1 250,50" />
          <div className="grid grid-cols-2 gap-3">
            <Field
              name="issueDate"
              label="Issued on"
              type="date"
              defaultValue={today}
              hint="After today: it counts on the report from that day."
            />
            <Field name="dueDate" label="Due on" type="date" />
          </div>
        </ActionForm>
      </Panel>
      <Panel title="Issue a credit note" testId="form-credit-note">
        {openInvoices.length ? (
          <ActionForm action={actions.creditNote} submitLabel="Record credit note" hidden={{ customerId }}>
            {invoiceSelect}
            <div className="grid grid-cols-2 gap-3">
              <Field name="number" label="Credit note number" />
              <Field name="amount" label="Amount" inputMode="decimal" hint="At most what is open" />
            </div>
            <Field name="issuedOn" label="Issued on" type="date" defaultValue={today} hint="Today or earlier." />
            <Field name="reason" label="Reason" as="textarea" />
          </ActionForm>
        ) : (
          none
        )}
      </Panel>
      <Panel title="Write off what is left" testId="form-write-off">
        {openInvoices.length ? (
          <ActionForm action={actions.writeOff} submitLabel="Write off" hidden={{ customerId }}>
            {invoiceSelect}
            <Field name="reason" label="Reason" as="textarea" hint="Recorded with your name and today's date." />
          </ActionForm>
        ) : (
          none
        )}
      </Panel>
      <Panel title="Extend a due date" testId="form-extend">
        {openInvoices.length ? (
          <ActionForm action={actions.extendDueDate} submitLabel="Extend due date" hidden={{ customerId }}>
            {invoiceSelect}
            <Field
              name="newDueDate"
              label="New due date"
              type="date"
              hint="The original due date stays on record; aging uses the new one from today."
            />
            <Field name="reason" label="Reason" as="textarea" />
          </ActionForm>
        ) : (
          none
        )}
      </Panel>
      <Panel title="Reverse a payment (bounced or entered in error)" testId="form-reverse">
        {payments.length ? (
          <ActionForm action={actions.reversePayment} submitLabel="Reverse payment" hidden={{ customerId }}>
            <Field
              name="paymentId"
              label="Payment"
              as="select"
              options={payments.map((p) => ({ value: p.id, label: p.label }))}
            />
            <Field
              name="reason"
              label="Reason"
              as="textarea"
              hint="The payment stays on record; a reversal entry undoes it."
            />
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-500">No payment to reverse.</p>
        )}
      </Panel>
      <Panel title="Apply account credit" testId="form-apply-credit">
        {credits.length && openInvoices.length ? (
          <ActionForm action={actions.applyCredit} submitLabel="Apply credit" hidden={{ customerId }}>
            <p className="text-sm text-slate-600">Credit on the account: {credits.join(", ")}.</p>
            {invoiceSelect}
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-500">
            {credits.length ? "No open invoice to apply it to." : "No credit on the account."}
          </p>
        )}
      </Panel>
    </div>
  );
}
