import type { Metadata } from "next";
import { z } from "zod";
import { ComparisonNote } from "@/components/comparison-note";
import { FailedDeliveriesBanner } from "@/components/failed-deliveries-banner";
import { MineToggle } from "@/components/mine-toggle";
import { Pager } from "@/components/pager";
import { PausedAccounts } from "@/components/paused-accounts";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { SelectionToolbar } from "@/components/selection-toolbar";
import { SendAllDue } from "@/components/send-all-due";
import { WorklistTable } from "@/components/worklist-table";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getPaymentsFreshness } from "@/lib/bank/pages";
import { getWorklistPage } from "@/lib/collections/pages";
import { getAssignees } from "@/lib/customers/pages";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly } from "@/lib/time/dates";

const selectionAction = bindAction("letters.act_on_selection");

export const metadata: Metadata = { title: "Worklist" };
const SELECTION_FORM = "worklist-selection";

export default async function WorklistPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(params.page);
  const mine = params.mine === "1";
  const working = canWork(user.role);
  const [list, assignees, known] = await Promise.all([
    getWorklistPage(user, page, { mine }),
    working ? getAssignees(user) : undefined,
    getPaymentsFreshness(user),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Worklist</h1>
        <p className="text-sm text-slate-500">
          Accounts that need action on {formatDateOnly(list.today, user.locale, "long")}, the largest and oldest overdue
          balances first.
        </p>
        <ComparisonNote comparison={list.comparison} admin={user.role === "ADMIN"} />
      </div>
      <FailedDeliveriesBanner orgId={user.orgId} />
      <PaymentsKnownUpToNote known={known} locale={user.locale} />
      {working && <SendAllDue />}
      <MineToggle mine={mine} href={(m) => (m ? "/worklist?mine=1" : "/worklist")} label="Worklist accounts" />
      {working && list.items.length > 0 && (
        <SelectionToolbar formId={SELECTION_FORM} action={selectionAction} assignees={assignees} />
      )}
      <WorklistTable
        items={list.items}
        locale={user.locale}
        selectForm={working ? SELECTION_FORM : undefined}
        base={list.comparison.base}
      />
      <PausedAccounts accounts={list.paused} locale={user.locale} />
      <Pager
        page={page}
        pageSize={list.pageSize}
        total={list.total}
        hrefFor={(p) => `/worklist?page=${p}${mine ? "&mine=1" : ""}`}
      />
    </div>
  );
}
