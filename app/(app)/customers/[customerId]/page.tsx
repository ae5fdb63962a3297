import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountForms } from "@/components/account-forms";
import { ActionForm, Field } from "@/components/action-form";
import { CollectionsPanel } from "@/components/collections-panel";
import { CustomerHeader } from "@/components/customer-header";
import { HistoryTimeline } from "@/components/history-timeline";
import { InvoiceTable } from "@/components/invoice-table";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getCustomerPage } from "@/lib/collections/pages";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney, minorToPlain } from "@/lib/money/money";
import { todayIn } from "@/lib/time/dates";
import {
  logContactAction,
  openDisputeAction,
  recordHandoffAction,
  recordPaymentAction,
  recordPlanAction,
  recordPromiseAction,
  resolveDisputeAction,
} from "./actions";

export const metadata: Metadata = { title: "Customer" };

async function loadAccount(customerId: string) {
  const user = await requireUser();
  if (!z.uuid().safeParse(customerId).success) notFound();
  try {
    return { user, ...(await getCustomerPage(user, customerId)) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const { user, now, account, collections, history } = await loadAccount(customerId);
  const today = todayIn(user.timeZone, now);
  const working = canWork(user.role);
  const disputed = new Set(collections.flatMap((c) => c.state.openDisputes.map((d) => d.invoiceId)));
  const openInvoices = account.invoices
    .filter((i) => i.open > 0)
    .map((i) => ({
      id: i.id,
      disputed: disputed.has(i.id),
      label: `${i.number} · ${formatMoney(i.open, i.currency, user.locale)} open${disputed.has(i.id) ? " · disputed" : ""}`,
    }));
  const currencies = collections.length ? collections.map((c) => c.currency) : [account.customer.currency];
  const nowTime = new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
    timeZone: user.timeZone,
  }).format(now);
  return (
    <div className="space-y-6">
      <Link href="/" className="text-sm text-slate-500 hover:text-slate-800">
        ← Aging report
      </Link>
      <CustomerHeader customer={account.customer} totals={account.totals} locale={user.locale} />
      <p className="text-sm">
        <a
          href={`/api/customers/${customerId}/handoff-pack`}
          download
          data-testid="handoff-pack-link"
          className="font-medium text-brand-700 hover:underline"
        >
          Download hand-off pack
        </a>
        <span className="text-slate-500">
          {" "}
          (ZIP: summary PDF, every letter as sent, contact history CSV, SHA-256 manifest)
        </span>
      </p>
      <section aria-labelledby="collections-heading" className="space-y-3">
        <h2 id="collections-heading" className="text-lg font-semibold">
          Collections
        </h2>
        <CollectionsPanel customerId={customerId} accounts={collections} locale={user.locale}>
          {({ currency, action, state }) =>
            working && (
              <div className="space-y-3">
                {state.openDisputes.map((d) => (
                  <details key={d.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-3 text-sm">
                    <summary className="cursor-pointer font-medium">
                      Disputed: {d.invoiceNumber}: {d.note}
                    </summary>
                    <div className="mt-2">
                      <ActionForm
                        action={resolveDisputeAction}
                        submitLabel="Resolve dispute"
                        hidden={{ customerId, disputeId: d.id }}
                      >
                        <Field name="note" label="How it was resolved" as="textarea" />
                      </ActionForm>
                    </div>
                  </details>
                ))}
                {action.kind === "handoff" && (
                  <details className="rounded-md border border-slate-200 p-3 text-sm" data-testid="form-handoff">
                    <summary className="cursor-pointer font-medium">Record the hand-off to an agency</summary>
                    <p className="mt-2 text-slate-600">
                      Review the whole contact history below before handing the account over.
                    </p>
                    <ActionForm
                      action={recordHandoffAction}
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
        {working && (
          <AccountForms
            customerId={customerId}
            currencies={currencies}
            openInvoices={openInvoices}
            today={today}
            nowTime={nowTime}
            actions={{
              logContact: logContactAction,
              recordPayment: recordPaymentAction,
              recordPromise: recordPromiseAction,
              recordPlan: recordPlanAction,
              openDispute: openDisputeAction,
            }}
          />
        )}
      </section>
      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-lg font-semibold">
          Invoices
        </h2>
        <InvoiceTable invoices={account.invoices} locale={user.locale} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          Contact history
        </h2>
        <HistoryTimeline entries={history} locale={user.locale} timeZone={user.timeZone} />
      </section>
    </div>
  );
}
