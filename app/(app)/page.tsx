import type { Metadata } from "next";
import { AccountFilters } from "@/components/account-filters";
import { AccountsTable } from "@/components/accounts-table";
import { AgingTotals } from "@/components/aging-totals";
import { AsOfForm } from "@/components/as-of-form";
import { ComparisonNote } from "@/components/comparison-note";
import { Pager } from "@/components/pager";
import { SelectionToolbar } from "@/components/selection-toolbar";
import { parseAsOf } from "@/lib/aging/aging-as-of";
import { accountQuerySchema } from "@/lib/aging/list-accounts";
import { getAgingPage } from "@/lib/aging/pages";
import { canWork } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getAssignees } from "@/lib/customers/pages";
import { bindAction } from "@/lib/server-actions/bind";
import { formatDateOnly, todayIn } from "@/lib/time/dates";

const selectionAction = bindAction("letters.act_on_selection");

export const metadata: Metadata = { title: "Aging report" };
const SELECTION_FORM = "report-selection";

export default async function AgingReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const query = accountQuerySchema.parse(
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const today = todayIn(user.timeZone);
  const asOfResult = parseAsOf(query.asOf, today);
  const asOf = asOfResult.ok ? asOfResult.asOf : today;
  if (!asOfResult.ok) query.asOf = undefined;
  const working = canWork(user.role);
  const [report, assignees] = await Promise.all([
    getAgingPage(user, { today, query, asOf }),
    working ? getAssignees(user) : undefined,
  ]);
  const hrefFor = (page: number) => {
    const next = new URLSearchParams(
      Object.entries({ ...query, page: String(page) }).filter(([, v]) => v !== undefined) as [string, string][],
    );
    return `/?${next}`;
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">A/R aging report</h1>
          <p className="text-sm text-slate-500">
            Open receivables as of {formatDateOnly(asOf, user.locale, "long")} ({user.timeZone})
            {asOf < today && ", from the payments and corrections dated by then"}. Invoices issued and payments received
            after that day are left out until their date.
          </p>
        </div>
        <AsOfForm query={query} asOf={asOf} today={today} error={asOfResult.ok ? undefined : asOfResult.error} />
      </div>
      <AgingTotals
        totals={report.totals}
        credits={report.credits}
        locale={user.locale}
        base={report.base}
        admin={user.role === "ADMIN"}
      />
      <AccountFilters query={query} currencies={report.currencies} />
      {query.sort === "open" && !query.currency && (
        <ComparisonNote comparison={report.comparison} admin={user.role === "ADMIN"} />
      )}
      {working && report.accounts.rows.length > 0 && (
        <SelectionToolbar formId={SELECTION_FORM} action={selectionAction} assignees={assignees} />
      )}
      <AccountsTable
        rows={report.accounts.rows}
        query={query}
        locale={user.locale}
        timeZone={user.timeZone}
        selectForm={working ? SELECTION_FORM : undefined}
        base={report.comparison.base}
      />
      <Pager page={query.page} pageSize={report.accounts.pageSize} total={report.accounts.total} hrefFor={hrefFor} />
    </div>
  );
}
