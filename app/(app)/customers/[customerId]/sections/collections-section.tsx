import { AccountForms } from "@/components/account-forms";
import { ActionForm, Field } from "@/components/action-form";
import { CollectionsPanel } from "@/components/collections-panel";
import { CustomerPolicyForm } from "@/components/customer-policy-form";
import { loadCollectionsSection } from "@/lib/customer-page/collections-section";
import { minorToPlain } from "@/lib/money/money";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** Where the account stands per currency, what comes next, and the forms to record what happened. */
export async function CollectionsSection({ user, customerId, working }: SectionProps) {
  const { collections, currencies, openInvoices, policyForm, today, nowTime } = await loadCollectionsSection(
    user,
    customerId,
  );
  return (
    <section aria-labelledby="collections-heading" className="space-y-3">
      <h2 id="collections-heading" className="text-lg font-semibold">
        Collections
      </h2>
      <CollectionsPanel
        customerId={customerId}
        accounts={collections}
        locale={user.locale}
        disputeAction={
          working
            ? (disputeId) => (
                <details className="mt-2">
                  <summary className="cursor-pointer font-medium text-brand-700">Resolve this dispute</summary>
                  <div className="mt-2">
                    <ActionForm
                      action={bindAction("collections.resolve_dispute")}
                      submitLabel="Resolve dispute"
                      hidden={{ customerId, disputeId }}
                    >
                      <Field name="note" label="How it was resolved" as="textarea" />
                    </ActionForm>
                  </div>
                </details>
              )
            : undefined
        }
      >
        {({ currency, action, state }) =>
          working && (
            <div className="space-y-3">
              {action.kind === "handoff" && (
                <details className="rounded-md border border-slate-200 p-3 text-sm" data-testid="form-handoff">
                  <summary className="cursor-pointer font-medium">Record the hand-off to an agency</summary>
                  <p className="mt-2 text-slate-600">
                    Review the whole contact history below before handing the account over.
                  </p>
                  <ActionForm
                    action={bindAction("collections.record_handoff")}
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
                    <Field name="agency" label="Agency" />
                    <Field name="reference" label="Agency reference" />
                    <Field
                      name="agencyContact"
                      label="Agency contact (optional)"
                      hint="Phone, email or address; letter 4 tells the customer to write here."
                    />
                    <Field
                      name="agencyPaymentDetails"
                      label="Agency payment details (optional)"
                      hint="Account and reference; letter 4 tells the customer to pay here, not to you."
                    />
                    <div className="grid grid-cols-2 gap-3">
                      <Field name="handedOverOn" label="Handed over on" type="date" defaultValue={today} />
                      <Field
                        name="amount"
                        label="Amount handed over"
                        inputMode="decimal"
                        defaultValue={minorToPlain(state.openMinor, currency)}
                      />
                    </div>
                  </ActionForm>
                </details>
              )}
            </div>
          )
        }
      </CollectionsPanel>
      {policyForm && (
        <CustomerPolicyForm
          action={bindAction("policies.assign_customer_policy")}
          customerId={customerId}
          {...policyForm}
        />
      )}
      {working && (
        <AccountForms
          customerId={customerId}
          currencies={currencies}
          openInvoices={openInvoices}
          today={today}
          nowTime={nowTime}
          actions={{
            logContact: bindAction("collections.log_contact"),
            recordPayment: bindAction("ledger.record_payment"),
            recordPromise: bindAction("collections.record_promise"),
            recordPlan: bindAction("collections.record_plan"),
            openDispute: bindAction("collections.open_dispute"),
          }}
        />
      )}
    </section>
  );
}
