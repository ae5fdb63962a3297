import { AccountForms } from "@/components/account-forms";
import { ActionForm, Field } from "@/components/action-form";
import { CollectionsPanel } from "@/components/collections-panel";
import { CustomerPolicyForm } from "@/components/customer-policy-form";
import { HandoffForm } from "@/components/handoff-form";
import { loadCollectionsSection } from "@/lib/customer-page/collections-section";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** Where the account stands per currency, what comes next, and the forms to record what happened. */
export async function CollectionsSection({ user, customerId, working }: SectionProps) {
  const { collections, currencies, openInvoices, policyForm, handoff, today, nowTime } = await loadCollectionsSection(
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
        {({ currency, action }) =>
          working && (
            <div className="space-y-3">
              {action.kind === "handoff" && handoff.claims.has(currency) && (
                <HandoffForm
                  action={bindAction("collections.record_handoff")}
                  customerId={customerId}
                  currency={currency}
                  today={today}
                  claim={handoff.claims.get(currency)!}
                  agencies={handoff.agencies}
                  manageAgencies={user.role === "ADMIN"}
                  locale={user.locale}
                />
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
