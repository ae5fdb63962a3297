import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { ActionForm } from "@/components/action-form";
import { AssignmentBlock } from "@/components/assignment-form";
import { CustomerHeader } from "@/components/customer-header";
import { SectionLoading } from "@/components/section-loading";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { loadCustomerSummary } from "@/lib/customer-page/summary";
import { LANGUAGE_LABEL } from "@/lib/customers/customer-fields";
import { AppError } from "@/lib/errors/app-error";
import { bindAction } from "@/lib/server-actions/bind";
import { ChargesSection } from "./sections/charges-section";
import { CollectionsSection } from "./sections/collections-section";
import { FollowUpsSection } from "./sections/follow-ups-section";
import { HistorySection } from "./sections/history-section";
import { InvoicesSection } from "./sections/invoices-section";
import { CustomerRequests } from "./sections/requests-section";

export const metadata: Metadata = { title: "Customer" };

/** The summary first: a customer of another organization is a 404 before any section streams. */
async function loadSummary(customerId: string) {
  const user = await requireUser();
  if (!z.uuid().safeParse(customerId).success) notFound();
  try {
    return { user, summary: await loadCustomerSummary(user, customerId) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

// The page is its summary (who, what is owed, who works it, the statement) and sections that
// each load their own data (lib/customer-page) and stream in as they are ready.
export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ history?: string }>;
}) {
  const { customerId } = await params;
  const newestFirst = (await searchParams).history === "newest";
  const { user, summary } = await loadSummary(customerId);
  const { customer } = summary;
  const working = canWork(user.role);
  const section = { user, customerId, working };
  return (
    <div className="space-y-6">
      <Link href="/" className="text-sm text-slate-500 hover:text-slate-800">
        ← Aging report
      </Link>
      <CustomerHeader
        customer={customer}
        totals={summary.totals}
        locale={user.locale}
        editHref={working ? `/customers/${customerId}/edit` : undefined}
      />
      <AssignmentBlock
        customerId={customerId}
        assignedTo={summary.assignedTo}
        assignees={summary.assignees}
        assign={working ? bindAction("customers.assign") : undefined}
      />
      {summary.credits.length > 0 && (
        <p className="text-sm text-emerald-800" data-testid="account-credit">
          Credit on the account: {summary.credits.join(", ")} (unapplied cash and credit notes, to apply to invoices).
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
          As of today, in {LANGUAGE_LABEL[customer.language]}, on the letterhead: every open invoice with its payments,
          credit notes and other entries, open interest and fees, and any credit on the account.
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
            (customer.email ? (
              <div data-testid="form-email-statement" className="min-w-0 max-w-md">
                <ActionForm
                  action={bindAction("statements.email")}
                  submitLabel="Email statement"
                  hidden={{ customerId, idempotencyKey: randomUUID() }}
                >
                  <p className="text-slate-500">To {customer.email}; logged in the contact history when it is sent.</p>
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
      <Suspense fallback={null}>
        <CustomerRequests user={user} customerId={customerId} working={working} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Collections" />}>
        <CollectionsSection {...section} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Call-backs" />}>
        <FollowUpsSection {...section} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Invoices" />}>
        <InvoicesSection {...section} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Interest and fees claimed" />}>
        <ChargesSection {...section} />
      </Suspense>
      <Suspense fallback={<SectionLoading title="Contact history" />}>
        <HistorySection {...section} newestFirst={newestFirst} />
      </Suspense>
    </div>
  );
}
