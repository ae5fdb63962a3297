"use client";

import type { ActionResult } from "@/lib/actions/define-action";
import { CONTACT_TYPES } from "@/lib/collections/contact-types";
import { ActionForm, Field } from "./action-form";
import { FormPanel as Panel } from "./form-panel";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export interface AccountFormActions {
  logContact: Action;
  recordPayment: Action;
  recordPromise: Action;
  recordPlan: Action;
  openDispute: Action;
}

/**
 * The forms a collector uses on an account; shown only to roles that may change it. A client
 * component, so each form is built in the browser when its panel opens (./form-panel.tsx).
 */
export function AccountForms({
  customerId,
  currencies,
  openInvoices,
  today,
  nowTime,
  actions,
}: {
  customerId: string;
  currencies: string[];
  openInvoices: { id: string; label: string; disputed: boolean }[];
  today: string;
  nowTime: string;
  actions: AccountFormActions;
}) {
  const currencyField =
    currencies.length > 1 ? (
      <Field name="currency" label="Currency" as="select" options={currencies.map((c) => ({ value: c, label: c }))} />
    ) : null;
  const hidden = { customerId, ...(currencies.length === 1 ? { currency: currencies[0] } : {}) };
  const amountHint = "As on the remittance: 1250.50 or 1 250,50";
  return (
    <div className="grid items-start gap-3 lg:grid-cols-2">
      <Panel title="Log a call, email or reply" testId="form-contact">
        <ActionForm action={actions.logContact} submitLabel="Log contact" hidden={{ customerId }}>
          <Field
            name="type"
            label="What happened"
            as="select"
            options={Object.entries(CONTACT_TYPES).map(([value, t]) => ({ value, label: t.label }))}
          />
          <div className="grid grid-cols-2 gap-3">
            <Field name="occurredOn" label="Date" type="date" defaultValue={today} />
            <Field name="time" label="Time" type="time" defaultValue={nowTime} />
          </div>
          <Field name="note" label="Note" as="textarea" placeholder="Who you spoke to, what was said or agreed" />
          <fieldset className="rounded-md border border-slate-200 p-3">
            <legend className="px-1 text-sm font-medium text-slate-700">Call back (optional)</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field name="followUpOn" label="Follow up on" type="date" hint="Leave empty for no call-back." />
              <Field name="followUpNote" label="What about" placeholder="Check the promised payment" />
            </div>
          </fieldset>
          <Field
            name="saysPaidOn"
            label="The customer says they paid on"
            type="date"
            hint="Optional. The next letter waits until that payment is matched or an admin decides."
          />
        </ActionForm>
      </Panel>
      <Panel title="Record a payment" testId="form-payment">
        <ActionForm action={actions.recordPayment} submitLabel="Record payment" hidden={hidden}>
          {currencyField}
          <Field
            name="amount"
            label="Amount"
            inputMode="decimal"
            hint={`${amountHint}. More than is open is kept on the account as unapplied cash (a credit), never refused.`}
          />
          <Field
            name="receivedOn"
            label="Received on"
            type="date"
            defaultValue={today}
            hint="Today or earlier, and not before the invoice's issue date."
          />
          <Field
            name="invoiceId"
            label="Apply to"
            as="select"
            options={[
              { value: "", label: "Oldest open invoice first" },
              ...openInvoices.map((i) => ({ value: i.id, label: i.label })),
            ]}
          />
          <div className="grid grid-cols-2 gap-3">
            <Field name="method" label="Method" defaultValue="bank transfer" />
            <Field name="reference" label="Reference" />
          </div>
        </ActionForm>
      </Panel>
      <Panel title="Record a promise to pay" testId="form-promise">
        <ActionForm action={actions.recordPromise} submitLabel="Record promise" hidden={hidden}>
          {currencyField}
          <Field name="amount" label="Amount promised" inputMode="decimal" hint={amountHint} />
          <Field
            name="promisedFor"
            label="Promised for"
            type="date"
            hint="Escalation pauses until this date; unpaid by then, the next letter is due at once."
          />
          <Field name="note" label="Note" as="textarea" />
        </ActionForm>
      </Panel>
      <Panel title="Agree a payment plan" testId="form-plan">
        <ActionForm action={actions.recordPlan} submitLabel="Record plan" hidden={hidden}>
          {currencyField}
          <Field
            name="instalments"
            label="Instalments"
            as="textarea"
            rows={4}
            placeholder={"2026-12-15 250.00\n2027-01-15 250.00"}
            hint="One per line: due date and amount. A missed instalment counts as a broken promise."
          />
          <Field name="note" label="Note" as="textarea" />
        </ActionForm>
      </Panel>
      <Panel title="Record a dispute" testId="form-dispute">
        {openInvoices.some((i) => !i.disputed) ? (
          <ActionForm action={actions.openDispute} submitLabel="Record dispute" hidden={{ customerId }}>
            <Field
              name="invoiceId"
              label="Invoice"
              as="select"
              // No invoice preselected: a dispute recorded against the wrong invoice is evidence of the wrong thing.
              defaultValue=""
              options={[
                { value: "", label: "Choose the disputed invoice…" },
                ...openInvoices.filter((i) => !i.disputed).map((i) => ({ value: i.id, label: i.label })),
              ]}
            />
            <Field name="note" label="What the customer disputes" as="textarea" />
          </ActionForm>
        ) : (
          <p className="text-sm text-slate-500">No open invoice to dispute.</p>
        )}
      </Panel>
    </div>
  );
}
