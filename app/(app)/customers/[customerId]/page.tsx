import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { todayIn } from "@/lib/time/dates";
import { ContactHistory } from "@/components/contact-history";
import { CustomerHeader } from "@/components/customer-header";
import { InvoiceTable } from "@/components/invoice-table";

export const metadata: Metadata = { title: "Customer" };

async function loadAccount(customerId: string) {
  const user = await requireUser();
  if (!z.uuid().safeParse(customerId).success) notFound();
  try {
    return { user, account: await getCustomerAccount(db(), { orgId: user.orgId, customerId, today: todayIn(user.timeZone) }) };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function CustomerPage({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const { user, account } = await loadAccount(customerId);
  return (
    <div className="space-y-6">
      <Link href="/" className="text-sm text-slate-500 hover:text-slate-800">← Aging report</Link>
      <CustomerHeader customer={account.customer} totals={account.totals} locale={user.locale} />
      <section aria-labelledby="invoices-heading" className="space-y-3">
        <h2 id="invoices-heading" className="text-lg font-semibold">Invoices</h2>
        <InvoiceTable invoices={account.invoices} locale={user.locale} />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">Contact history</h2>
        <ContactHistory entries={account.contacts} locale={user.locale} timeZone={user.timeZone} />
      </section>
    </div>
  );
}
