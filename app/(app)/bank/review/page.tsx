import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, Field } from "@/components/action-form";
import { Money } from "@/components/money";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getReviewQueue } from "@/lib/bank/pages";
import { bindAction } from "@/lib/server-actions/bind";

const resolveBankLineAction = bindAction("bank.resolve_line");

export const metadata: Metadata = { title: "Bank review queue" };

/** Bank lines no rule recorded by itself: the collector decides, each decision audited. */
export default async function BankReviewPage() {
  const user = await requireUser();
  const lines = await getReviewQueue(user);
  const canDecide = canWork(user.role);
  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bank review queue</h1>
        <p className="text-sm text-slate-500">
          Payments the bank reported that no rule could record by itself, with the reason and what we suggest. A payment
          in another currency than the invoice&apos;s is never matched by itself.{" "}
          <Link href="/bank" className="text-brand-700 hover:underline">
            Bank statements
          </Link>
        </p>
      </div>
      {lines.length === 0 && (
        <p className="rounded-xl border border-slate-200 bg-white p-6 text-sm text-slate-600">Nothing to decide.</p>
      )}
      <ul className="space-y-4">
        {lines.map((l) => (
          <li
            key={l.id}
            data-testid="review-line"
            className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium">
                <Money minor={l.amountMinor} currency={l.currency} locale={user.locale} /> from{" "}
                {l.payerName || "an unnamed payer"}
                {l.payerAccount && <span className="text-sm font-normal text-slate-500"> · {l.payerAccount}</span>}
              </p>
              <p className="text-sm text-slate-500">
                Booked {l.bookingDate} · {l.statement}
              </p>
            </div>
            {(l.reference || l.text) && (
              <p className="mt-1 break-words text-sm text-slate-700">
                {l.reference && <span>Reference {l.reference}. </span>}
                {l.text && <span>“{l.text}”</span>}
              </p>
            )}
            <p className="mt-2 text-sm text-amber-900">Why it waits: {l.reason}</p>
            {canDecide && (
              <div className="mt-3 grid gap-3 lg:grid-cols-3">
                {l.suggestions.map((s) => (
                  <div key={s.customer.id} className="rounded-lg border border-slate-200 p-3">
                    <p className="text-sm font-medium">
                      {s.customer.name} ({s.customer.reference})
                    </p>
                    <p className="mb-2 text-xs text-slate-600">{s.reason}</p>
                    {s.invoices.length > 0 && (
                      <ActionForm
                        action={resolveBankLineAction}
                        submitLabel={`Record on ${s.invoices.map((i) => i.number).join(", ")}`}
                        hidden={{
                          lineId: l.id,
                          decision: "invoices",
                          customerId: s.customer.id,
                          invoiceIds: s.invoices.map((i) => i.id).join(","),
                        }}
                      />
                    )}
                    <ActionForm
                      action={resolveBankLineAction}
                      submitLabel="Credit on this customer's account"
                      hidden={{ lineId: l.id, decision: "credit_on_account", customerId: s.customer.id }}
                    />
                  </div>
                ))}
                <div className="rounded-lg border border-slate-200 p-3">
                  <ActionForm
                    action={resolveBankLineAction}
                    submitLabel="Record for this customer"
                    hidden={{ lineId: l.id, decision: "invoices" }}
                  >
                    <Field name="customerReference" label="Customer reference" />
                    <Field name="invoiceNumbers" label="Invoice numbers" hint="Separated by commas." />
                  </ActionForm>
                </div>
                <div className="rounded-lg border border-slate-200 p-3">
                  <ActionForm
                    action={resolveBankLineAction}
                    submitLabel="Not a customer payment"
                    hidden={{ lineId: l.id, decision: "not_customer_payment" }}
                  >
                    <Field
                      name="reason"
                      label="Why"
                      placeholder="Refund from a supplier, transfer between our accounts"
                    />
                  </ActionForm>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
