import type { Metadata } from "next";
import Link from "next/link";
import { BaseTotalCard, showsBaseTotal } from "@/components/base-currency-total";
import { AgingHistoryChart, CollectionsChart } from "@/components/dashboard-charts";
import { ActivityCards, CurrencyCards } from "@/components/dashboard-figures";
import { PaymentsKnownUpToNote } from "@/components/payments-known-up-to";
import { RateWarnings } from "@/components/rate-warnings";
import { requireUser } from "@/lib/auth/session";
import { getPaymentsFreshness } from "@/lib/bank/pages";
import { getDashboardPage } from "@/lib/dashboard/pages";
import { getRateWarningsFor } from "@/lib/law/pages";
import { formatDateOnly, todayIn } from "@/lib/time/dates";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<{ currency?: string | string[] }>;
}) {
  const user = await requireUser();
  const today = todayIn(user.timeZone);
  const [dashboard, params, known, rateWarnings] = await Promise.all([
    getDashboardPage(user, { today }),
    searchParams,
    getPaymentsFreshness(user),
    getRateWarningsFor(user),
  ]);
  const asked = typeof params.currency === "string" ? params.currency : undefined;
  const chartCurrency =
    dashboard.currencies.find((c) => c === asked) ??
    dashboard.currencies.find((c) => c === dashboard.defaultCurrency) ??
    dashboard.currencies[0];
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">How collection is going</h1>
        <p className="text-sm text-slate-500">
          As of {formatDateOnly(today, user.locale, "long")} ({user.timeZone}). Each currency on its own; the total in
          the base currency below converts each currency's total at the dated exchange rates.
        </p>
      </div>
      <PaymentsKnownUpToNote known={known} locale={user.locale} />
      <RateWarnings warnings={rateWarnings} />
      <section aria-labelledby="today-h" className="space-y-3">
        <h2 id="today-h" className="text-lg font-semibold">
          Receivables today
        </h2>
        <CurrencyCards rows={dashboard.perCurrency} locale={user.locale} />
        {showsBaseTotal(dashboard.inBase) && (
          <BaseTotalCard base={dashboard.inBase} locale={user.locale} admin={user.role === "ADMIN"} />
        )}
        <p className="text-xs text-slate-600" data-testid="dso-formula">
          DSO (days sales outstanding) = open receivables today ÷ amount invoiced in the last 90 days (
          {formatDateOnly(dashboard.dsoFrom, user.locale)} to {formatDateOnly(today, user.locale)}) × 90: the standard
          average method (as defined by Investopedia and the Corporate Finance Institute), per currency. Collected =
          payments received in the month less reversed payments.
        </p>
      </section>
      <section aria-labelledby="activity-h" className="space-y-3">
        <h2 id="activity-h" className="text-lg font-semibold">
          This month
        </h2>
        <ActivityCards dashboard={dashboard} locale={user.locale} />
      </section>
      {chartCurrency && (
        <section aria-labelledby="history-h" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="history-h" className="text-lg font-semibold">
              The last 12 months
            </h2>
            {dashboard.currencies.length > 1 && (
              <nav aria-label="Chart currency" className="flex gap-1 text-sm">
                {dashboard.currencies.map((c) => (
                  <Link
                    key={c}
                    href={`/dashboard?currency=${c}`}
                    aria-current={c === chartCurrency ? "true" : undefined}
                    className={`rounded-md border px-2.5 py-1 ${c === chartCurrency ? "border-brand-600 bg-brand-50 font-semibold text-brand-700" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                  >
                    {c}
                  </Link>
                ))}
              </nav>
            )}
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <AgingHistoryChart dashboard={dashboard} currency={chartCurrency} locale={user.locale} />
            <CollectionsChart dashboard={dashboard} currency={chartCurrency} locale={user.locale} />
          </div>
        </section>
      )}
    </div>
  );
}
