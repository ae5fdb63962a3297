import type { Metadata } from "next";
import { BankMatchingForm } from "@/components/bank-matching-form";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getBankMatchingPage } from "@/lib/bank/pages";
import { bindAction } from "@/lib/server-actions/bind";

export const metadata: Metadata = { title: "Bank matching" };

export default async function BankMatchingSettingsPage() {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role)) {
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can change bank matching.
      </p>
    );
  }
  const values = await getBankMatchingPage(user);
  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Bank matching</h1>
        <p className="text-sm text-slate-500">
          How bank statements find their invoices and when the payments we know of are too old to send letters on. Every
          change is in the audit log.
        </p>
      </div>
      <BankMatchingForm values={values} action={bindAction("bank.update_matching")} />
    </div>
  );
}
