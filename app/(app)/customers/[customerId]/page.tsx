import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { AccountForms } from "@/components/account-forms";
import { ActionForm, Field } from "@/components/action-form";
import { AssignmentBlock } from "@/components/assignment-form";
import { ChargesTable } from "@/components/charges-table";
import { CollectionsPanel } from "@/components/collections-panel";
import { CustomerHeader } from "@/components/customer-header";
import { CustomerPolicyForm } from "@/components/customer-policy-form";
import { FollowUpsPanel } from "@/components/follow-ups-panel";
import { HandoffForm } from "@/components/handoff-form";
import { HistoryTimeline } from "@/components/history-timeline";
import { InternalNotes } from "@/components/internal-notes";
import { InvoiceTable } from "@/components/invoice-table";
import { LedgerForms } from "@/components/ledger-forms";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getCustomerPage, getCustomerPolicyForm, getHandoffForms } from "@/lib/collections/pages";
import { LANGUAGE_LABEL } from "@/lib/customers/customer-fields";
import { AppError } from "@/lib/errors/app-error";
import { describeMovement } from "@/lib/ledger/customer-movements";
import { getCustomerLedgerPage } from "@/lib/ledger/pages";
import { formatMoney } from "@/lib/money/money";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly, todayIn } from "@/lib/time/dates";
import { CustomerRequests } from "./customer-requests";

const addInternalNoteAction = bindAction("collections.add_internal_note");
const applyCreditAction = bindAction("ledger.apply_credit");
const assignAccountsAction = bindAction("customers.assign");
const assignPolicyAction = bindAction("policies.assign_customer_policy");
const attachInvoicePdfAction = bindAction("invoices.attach_pdf");
const cancelFollowUpAction = bindAction("collections.cancel_follow_up");
const completeFollowUpAction = bindAction("collections.complete_follow_up");
const creditNoteAction = bindAction("ledger.credit_note");
const emailStatementAction = bindAction("statements.email");
const enterInvoiceAction = bindAction("ledger.enter_invoice");
const extendDueDateAction = bindAction("ledger.extend_due_date");
const logContactAction = bindAction("collections.log_contact");
const openDisputeAction = bindAction("collections.open_dispute");
const recordChargePaymentAction = bindAction("law.record_charge_payment");
const recordHandoffAction = bindAction("collections.record_handoff");
const recordPaymentAction = bindAction("ledger.record_payment");
const recordPlanAction = bindAction("collections.record_plan");
const recordPromiseAction = bindAction("collections.record_promise");
const resolveDisputeAction = bindAction("collections.resolve_dispute");
const reversePaymentAction = bindAction("ledger.reverse_payment");
const scheduleFollowUpAction = bindAction("collections.schedule_follow_up");
const writeOffAction = bindAction("ledger.write_off");

export const metadata: Metadata = { title: "Customer" };

async function loadAccount(customerId: string) {
  const user = await requireUser();
  if (!z.uuid().safeParse(customerId).success) notFound();
  try {
    const [page, ledger] = await Promise.all([
      getCustomerPage(user, customerId),
      getCustomerLedgerPage(user, customerId),
    ]);
    return { user, ...page, ledger };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ history?: string }>;
}) {
  const { customerId } = await params;
  const newestFirst = (await searchParams).history === "newest";
  const { user, now, account, collections, history, charges, ledger, followUps, notes, assignees, assignedTo } =
    await loadAccount(customerId);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, user.locale);
  const f = { money, day: (d: string) => formatDateOnly(d, user.locale) };
  const moneyHistory = ledger.movements.map((m) => ({
    type: "money" as const,
    id: m.id,
    at: m.at,
    on: m.on,
    by: m.by,
    title: describeMovement(m, f),
    note: m.kind === "payment" || m.kind === "unapplied_payment" ? "" : m.reason,
  }));
  const reversible = ledger.movements
    .filter((m) => (m.kind === "payment" || m.kind === "unapplied_payment") && !m.reversed)
    .map((m) => ({
      id: m.id,
      label: `${f.day(m.on)} · ${money(m.amount, m.currency)} · ${m.invoiceNumber ?? "unapplied"}`,
    }));
  const credits = ledger.credits.map((c) => money(c.credit, c.currency));
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
  const handoff = working
    ? await getHandoffForms(
        user,
        customerId,
        collections.filter((c) => c.action.kind === "handoff").map((c) => c.currency),
      )
    : { claims: new Map(), agencies: [] };
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
      <CustomerHeader
        customer={account.customer}
        totals={account.totals}
        locale={user.locale}
        editHref={working ? `/customers/${customerId}/edit` : undefined}
      />
      <AssignmentBlock
        customerId={customerId}
        assignedTo={assignedTo}
        assignees={assignees}
        assign={working ? assignAccountsAction : undefined}
      />
      {credits.length > 0 && (
        <p className="text-sm text-emerald-800" data-testid="account-credit">
          Credit on the account: {credits.join(", ")} (unapplied cash and credit notes, to apply to invoices).
        </p>
      )}
      <section
        aria-labelledby="statement-heading"
        className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
      >
        <h2 id="statement-heading" className="text-base font-semibold">
          Statement of account
        </h2>
        <p className="mt-1 text-slate-600">
          As of today, in {LANGUAGE_LABEL[account.customer.language]}, on the letterhead: every open invoice with its
          payments, credit notes and other entries, open interest and fees, and any credit on the account.
        </p>
        <div className="mt-3 flex flex-wrap items-start gap-x-6 gap-y-3">
          <a
            href={`/api/customers/${customerId}/statement`}
            download
            data-testid="statement-link"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
          >
            Download statement
          </a>
          {working &&
            (account.customer.email ? (
              <div data-testid="form-email-statement" className="min-w-0 max-w-md">
                <ActionForm
                  action={emailStatementAction}
                  submitLabel="Email statement"
                  hidden={{ customerId, idempotencyKey: randomUUID() }}
                >
                  <p className="text-slate-500">
                    To {account.customer.email}; logged in the contact history when it is sent.
                  </p>
                </ActionForm>
              </div>
            ) : (
              <p className="py-2 text-slate-500">Add an email address to the customer to email the statement.</p>
            ))}
        </div>
      </section>
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
      <CustomerRequests user={user} customerId={customerId} currencies={currencies} working={working} />
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
                        action={resolveDisputeAction}
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
                    action={recordHandoffAction}
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
        {user.role === "ADMIN" && (
          <CustomerPolicyForm
            action={assignPolicyAction}
            customerId={customerId}
            {...(await getCustomerPolicyForm(user, customerId))}
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
              logContact: logContactAction,
              recordPayment: recordPaymentAction,
              recordPromise: recordPromiseAction,
              recordPlan: recordPlanAction,
              openDispute: openDisputeAction,
            }}
          />
        )}
      </section>
      <section aria-labelledby="follow-ups-heading" className="space-y-3">
        <h2 id="follow-ups-heading" className="text-lg font-semibold">
          Call-backs
        </h2>
        <FollowUpsPanel
          customerId={customerId}
          followUps={followUps}
          locale={user.locale}
          timeZone={user.timeZone}
          today={today}
          nowTime={nowTime}
          actions={
            working
              ? { schedule: scheduleFollowUpAction, complete: completeFollowUpAction, cancel: cancelFollowUpAction }
              : undefined
          }
        />
      </section>
      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-lg font-semibold">
          Invoices
        </h2>
        <InvoiceTable
          invoices={account.invoices}
          locale={user.locale}
          movements={ledger.movements}
          disputed={disputed}
        />
        {working && (
          <LedgerForms
            customerId={customerId}
            currency={account.customer.currency}
            openInvoices={openInvoices}
            payments={reversible}
            credits={credits}
            today={today}
            actions={{
              enterInvoice: enterInvoiceAction,
              creditNote: creditNoteAction,
              writeOff: writeOffAction,
              extendDueDate: extendDueDateAction,
              reversePayment: reversePaymentAction,
              applyCredit: applyCreditAction,
            }}
          />
        )}
        {working && account.invoices.length > 0 && (
          <details
            className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
            data-testid="form-invoice-pdf"
          >
            <summary className="cursor-pointer font-medium">Attach a copy of an invoice (PDF)</summary>
            <p className="mt-2 text-slate-600">
              Letters list the copies they enclose; the email attaches them and the print run puts them after the
              letter. Without a copy, a letter offers one on request.
            </p>
            <ActionForm action={attachInvoicePdfAction} submitLabel="Store the copy" pendingLabel="Uploading…">
              <Field
                name="invoiceId"
                label="Invoice"
                as="select"
                options={account.invoices.map((i) => ({
                  value: i.id,
                  label: `${i.number}${i.hasPdf ? " (replace its copy)" : ""}`,
                }))}
              />
              <Field name="file" label="PDF file (up to 5 MB)" type="file" />
            </ActionForm>
          </details>
        )}
      </section>
      <section aria-labelledby="charges-heading" className="space-y-3">
        <h2 id="charges-heading" className="text-lg font-semibold">
          Interest and fees claimed
        </h2>
        <ChargesTable
          charges={charges}
          locale={user.locale}
          payAction={working ? recordChargePaymentAction : undefined}
        />
      </section>
      <div className="grid items-start gap-6 xl:grid-cols-3">
        <section aria-labelledby="history-heading" className="space-y-3 xl:col-span-2">
          <div className="flex items-baseline justify-between gap-3">
            <h2 id="history-heading" className="text-lg font-semibold">
              Contact history
            </h2>
            <Link
              href={newestFirst ? `/customers/${customerId}` : `/customers/${customerId}?history=newest`}
              className="text-sm text-brand-700 hover:underline"
              data-testid="history-order"
              scroll={false}
            >
              {newestFirst ? "Show oldest first" : "Show newest first"}
            </Link>
          </div>
          <HistoryTimeline
            entries={history}
            money={moneyHistory}
            newestFirst={newestFirst}
            locale={user.locale}
            timeZone={user.timeZone}
          />
        </section>
        <InternalNotes
          customerId={customerId}
          notes={notes}
          locale={user.locale}
          timeZone={user.timeZone}
          add={working ? addInternalNoteAction : undefined}
        />
      </div>
    </div>
  );
}
