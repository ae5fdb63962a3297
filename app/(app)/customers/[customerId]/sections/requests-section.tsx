import { ActionForm } from "@/components/action-form";
import { loadAccountCurrencies } from "@/lib/customer-page/collections-section";
import { getCustomerRequestsPanel } from "@/lib/portal/pages";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

const decideProposalAction = bindAction("portal.decide_proposal");
const markRequestReadAction = bindAction("portal.mark_read");
const revokePortalLinksAction = bindAction("portal.revoke_links");

const KIND: Record<string, string> = {
  PAID_CLAIM: "Says it has paid",
  DISPUTE: "Dispute",
  PROMISE: "Asks for time",
  PLAN: "Proposes a plan",
  MESSAGE: "Message",
};

/** What the customer said on its page, with the collector's answer; and the switch for the customer's links. */
export async function CustomerRequests({ user, customerId, working }: SectionProps) {
  const [requests, currencies] = await Promise.all([
    getCustomerRequestsPanel(user, customerId),
    loadAccountCurrencies(user, customerId),
  ]);
  const when = new Intl.DateTimeFormat(user.locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: user.timeZone,
  });
  return (
    <section id="customer-requests" aria-labelledby="customer-requests-heading" className="space-y-3">
      <h2 id="customer-requests-heading" className="text-lg font-semibold">
        From the customer's page
      </h2>
      {requests.length === 0 ? (
        <p className="text-sm text-slate-500">The customer has not used its page yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg ring-1 ring-slate-200" data-testid="customer-requests">
          {requests.map((r) => (
            <li key={r.id} className="space-y-2 p-3 text-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-medium">
                  {KIND[r.kind]} <span className="text-slate-500">({r.currency})</span>
                </span>
                <time className="text-slate-500" dateTime={r.at.toISOString()}>
                  {when.format(r.at)}
                </time>
              </div>
              <p>{r.summary}</p>
              {r.message && <p className="whitespace-pre-line rounded bg-slate-50 p-2 text-slate-700">{r.message}</p>}
              {r.handled ? (
                <p className="text-slate-500">
                  {r.handled.decision === "read" ? "Read" : r.handled.decision === "accepted" ? "Accepted" : "Declined"}{" "}
                  by {r.handled.by} on {when.format(r.handled.at)}
                </p>
              ) : working ? (
                <div className="flex flex-wrap gap-3">
                  {r.kind === "PROMISE" || r.kind === "PLAN" ? (
                    <>
                      <ActionForm
                        action={decideProposalAction}
                        submitLabel="Accept"
                        hidden={{ requestId: r.id, decision: "accept" }}
                      />
                      <ActionForm
                        action={decideProposalAction}
                        submitLabel="Decline"
                        danger
                        hidden={{ requestId: r.id, decision: "decline" }}
                      />
                    </>
                  ) : (
                    <ActionForm
                      action={markRequestReadAction}
                      submitLabel="Mark as read"
                      hidden={{ requestId: r.id }}
                    />
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {working &&
        currencies.map((currency) => (
          <ActionForm
            key={currency}
            action={revokePortalLinksAction}
            submitLabel={`Switch off the customer's ${currency} page links`}
            danger
            hidden={{ customerId, currency }}
            confirm={{
              title: "Switch off the customer's links?",
              consequences: [
                `Every ${currency} page link printed on letters so far stops working at once.`,
                "The next letter or statement prints a new link.",
              ],
              confirmLabel: "Switch off",
            }}
          />
        ))}
    </section>
  );
}
