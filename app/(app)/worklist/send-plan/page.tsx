import type { Metadata } from "next";
import Link from "next/link";
import { BulkSendPlanSummary } from "@/components/bulk-send-plan";
import { ConfirmBulkSend } from "@/components/confirm-bulk-send";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { getPaymentsFreshness } from "@/lib/bank/pages";
import { getBulkSendPlanPage } from "@/lib/letters/pages";
import { selectionValue } from "@/lib/letters/selection";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly } from "@/lib/time/dates";

const confirmBulkSendAction = bindAction("letters.confirm_bulk_send");

export const metadata: Metadata = { title: "Send due letters: the plan" };

// Computed on every request: the plan is the facts of this moment.
export default async function SendPlanPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireRole(WORKING_ROLES);
  const [page, known] = await Promise.all([
    getBulkSendPlanPage(user, (await searchParams).a),
    getPaymentsFreshness(user),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/worklist" className="text-sm font-medium text-brand-700 hover:underline">
          ← Back to the worklist
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Send due letters: the plan</h1>
        {"plan" in page && (
          <p className="text-sm text-slate-600">
            {page.selection
              ? `The letters due on ${formatDateOnly(page.plan.today, user.locale, "long")} for the ${page.plan.selection?.length ?? 0} account${page.plan.selection?.length === 1 ? "" : "s"} you ticked. `
              : `Every letter due on ${formatDateOnly(page.plan.today, user.locale, "long")}. `}
            Nothing is sent until you confirm; an account that changes before its letter goes is skipped with the
            reason.
          </p>
        )}
      </div>
      {"error" in page ? (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          {page.error}
        </p>
      ) : (
        <>
          <PaymentsKnownUpToNote known={known} locale={user.locale} />
          {known.stale && (
            <p className="text-sm text-amber-900">
              The plan cannot be confirmed until a newer bank statement is imported
              {user.role === "ADMIN"
                ? ", unless you give the reason below (audited)."
                : " or an administrator decides."}
            </p>
          )}
          <BulkSendPlanSummary plan={page.plan} />
          <ConfirmBulkSend
            action={confirmBulkSendAction}
            fingerprint={page.plan.fingerprint}
            accounts={(page.plan.selection ?? []).map(selectionValue)}
            letters={page.plan.letters.length}
            staleOverride={known.stale && user.role === "ADMIN"}
          />
          <p className="text-xs text-slate-500">
            Plan <code className="break-all">{page.plan.fingerprint.slice(0, 12)}</code>
          </p>
        </>
      )}
    </div>
  );
}
