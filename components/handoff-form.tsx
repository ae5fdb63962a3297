import { ActionForm, Field, FieldErrors } from "@/components/action-form";
import type { ActionResult } from "@/lib/actions/define-action";
import type { SavedAgency } from "@/lib/collections/agencies";
import type { HandoffClaim, HandoffLine } from "@/lib/collections/handoff-claim";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const lineText = (l: HandoffLine, day: (d: string) => string) =>
  `${l.kind === "invoice" ? `Invoice ${l.invoiceNumber}` : `${l.label}${l.invoiceNumber ? ` on ${l.invoiceNumber}` : ""}`}${l.dueDate ? `, due ${day(l.dueDate)}` : ""}`;

/**
 * Recording a hand-off: the claim is what letter 3 stated and is still open (fixed,
 * listed); anything else open is listed apart, unticked, and goes to the agency only
 * when ticked with a reason (kept and audited). Otherwise it stays with us, for the letters.
 */
export function HandoffForm({
  action,
  customerId,
  currency,
  today,
  claim,
  agencies,
  manageAgencies,
  locale,
}: {
  action: Action;
  customerId: string;
  currency: string;
  today: string;
  claim: HandoffClaim;
  agencies: SavedAgency[];
  /** An admin gets a link to Settings → Agencies. */
  manageAgencies: boolean;
  locale: string;
}) {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const day = (d: string) => formatDateOnly(d, locale);
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm" data-testid="form-handoff">
      <summary className="cursor-pointer font-medium">Record the hand-off to an agency</summary>
      <p className="mt-2 text-slate-600">Review the whole contact history below before handing the account over.</p>
      <ActionForm
        action={action}
        submitLabel="Record hand-off"
        hidden={{ customerId, currency }}
        confirm={{
          title: "Hand this account to the agency?",
          consequences: [
            "The hand-off is recorded in the contact history for good: it cannot be edited or withdrawn.",
            "Letter 4 becomes due: it tells the customer to pay and write to the agency, by registered mail.",
            "From then on the agency collects the amount handed over; record what it reports as new entries.",
          ],
          confirmLabel: "Record hand-off",
        }}
      >
        {agencies.length > 0 && (
          <Field
            name="agencyId"
            label="Saved agency"
            as="select"
            defaultValue={agencies.length === 1 ? agencies[0].id : ""}
            options={[
              { value: "", label: "Another agency (type it below)" },
              ...agencies.map((a) => ({
                value: a.id,
                label: a.referenceFormat ? `${a.name} (references ${a.referenceFormat})` : a.name,
              })),
            ]}
            hint="Its name, address, email and payment details go into the hand-off and the pack."
          />
        )}
        {manageAgencies && (
          <p className="text-xs text-slate-500">
            <a href="/settings/agencies" className="font-medium text-brand-700 underline">
              Manage saved agencies
            </a>
          </p>
        )}
        <Field name="reference" label="Agency reference" />
        <details className="rounded-md border border-slate-100 p-2" open={agencies.length === 0}>
          <summary className="cursor-pointer text-slate-700">
            {agencies.length ? "An agency not saved, or other contact details" : "The agency"}
          </summary>
          <div className="mt-2 space-y-3">
            <Field
              name="agency"
              label="Agency"
              hint={agencies.length ? "Only when no saved agency is chosen." : undefined}
            />
            <Field
              name="agencyContact"
              label="Agency contact (optional)"
              hint="Phone, email or address; letter 4 tells the customer to write here. Empty: the saved agency's."
            />
            <Field
              name="agencyPaymentDetails"
              label="Agency payment details (optional)"
              hint="Account and reference; letter 4 tells the customer to pay here, not to you."
            />
          </div>
        </details>
        <section aria-labelledby={`claim-${currency}`} data-testid="handoff-claim">
          <h3 id={`claim-${currency}`} className="font-medium text-slate-800">
            What letter 3 claimed{claim.letter3 ? ` (payment deadline ${day(claim.letter3.deadline)})` : ""} and is
            still open
          </h3>
          {claim.claimed.length ? (
            <ul className="mt-1 divide-y divide-slate-100 rounded-md border border-slate-200">
              {claim.claimed.map((l) => (
                <li key={l.key} className="flex flex-wrap justify-between gap-x-4 px-3 py-1.5">
                  <span className="min-w-0">{lineText(l, day)}</span>
                  <span className="whitespace-nowrap tabular-nums">{money(l.amountMinor)}</span>
                </li>
              ))}
              <li className="flex flex-wrap justify-between gap-x-4 px-3 py-1.5 font-semibold">
                <span>Claimed by letter 3</span>
                <span className="whitespace-nowrap tabular-nums" data-testid="handoff-claimed-total">
                  {money(claim.claimedMinor)}
                </span>
              </li>
            </ul>
          ) : (
            <p className="mt-1 text-slate-600">Nothing letter 3 claimed is still open.</p>
          )}
        </section>
        {claim.apart.length > 0 && (
          <fieldset
            className="rounded-md border border-amber-200 bg-amber-50 p-3"
            data-testid="handoff-apart"
            aria-describedby={`apart-${currency}-error`}
          >
            <legend className="px-1 font-medium text-amber-900">Not claimed by letter 3</legend>
            <p className="text-amber-900">
              Letter 3 never asked the customer for these. Leave them out to send them through the letters first, or
              tick one to hand it over too and say why below; the reason is kept with the hand-off.
            </p>
            <ul className="mt-2 space-y-1">
              {claim.apart.map((l) => (
                <li key={l.key}>
                  <label className="flex items-start gap-2">
                    <input type="checkbox" name="include" value={l.key} className="mt-0.5 size-4 shrink-0" />
                    <span className="min-w-0 flex-1">
                      {lineText(l, day)} <span className="text-slate-600">({l.why})</span>
                    </span>
                    <span className="whitespace-nowrap tabular-nums">{money(l.amountMinor)}</span>
                  </label>
                </li>
              ))}
            </ul>
            <FieldErrors name="include" id={`apart-${currency}-error`} />
            <Field name="includeReason" label="Why the ticked items go to the agency too" as="textarea" />
          </fieldset>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name="handedOverOn" label="Handed over on" type="date" defaultValue={today} />
          <Field
            name="amount"
            label="Amount handed over (optional)"
            inputMode="decimal"
            hint="Empty: letter 3's claim plus what you ticked. Less when the agency takes part of it."
          />
        </div>
      </ActionForm>
    </details>
  );
}
