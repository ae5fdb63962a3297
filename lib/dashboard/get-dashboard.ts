import { getAgingTotalsOn } from "@/lib/aging/aging-totals-on";
import { getBaseCurrencyTotalsOn } from "@/lib/aging/base-currency-totals";
import type { DbOrTx } from "@/lib/db/client";
import { loadRateTable } from "@/lib/rates/convert";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { type AgingHistoryPoint, getMonthEndSnapshots } from "./aging-history";
import { getCollectedByMonth } from "./collected";
import { DSO_PERIOD_DAYS, daysSalesOutstanding, getInvoicedInDsoPeriod } from "./dso";
import { getHandoffTotals } from "./handoffs";
import { getLettersPerStage } from "./letters-per-stage";
import { addMonths, lastMonths, monthEnd, monthStart } from "./months";
import { getPromiseOutcomes } from "./promise-kept";

export const HISTORY_MONTHS = 12;

/**
 * Everything the dashboard shows, per currency (exact; no conversion): today's
 * open and overdue (and, apart, their total in the base currency at today's rates) from the aging summary tables, DSO, collections and the
 * month-end aging history (the daily snapshots; this month: today's figures), promises, letters and
 * hand-offs. Each figure is one aggregate query; they run side by side.
 */
export async function getDashboard(tx: DbOrTx, opts: { orgId: string; timeZone: string; today: DateOnly }) {
  const { orgId, timeZone, today } = opts;
  const thisMonth = monthStart(today);
  const lastMonth = addMonths(today, -1);
  const months = lastMonths(today, HISTORY_MONTHS);
  const [org, totals, inBase, invoiced, collected, snapshots, promisesThisMonth, promisesLastMonth, letters, handoffs] =
    await Promise.all([
      tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { defaultCurrency: true } }),
      getAgingTotalsOn(tx, { orgId, day: today }),
      loadRateTable(tx, { orgId, on: today }).then((rates) =>
        getBaseCurrencyTotalsOn(tx, { orgId, day: today, timeZone, rates }),
      ),
      getInvoicedInDsoPeriod(tx, { orgId, today }),
      getCollectedByMonth(tx, { orgId, from: months[0], today }),
      getMonthEndSnapshots(tx, { orgId, from: months[0], today: addDaysTo(thisMonth, -1) }),
      getPromiseOutcomes(tx, { orgId, from: thisMonth, to: monthEnd(today), today }),
      getPromiseOutcomes(tx, { orgId, from: lastMonth, to: monthEnd(lastMonth), today }),
      getLettersPerStage(tx, { orgId, from: thisMonth, to: today, timeZone }),
      getHandoffTotals(tx, { orgId, from: thisMonth, today }),
    ]);
  const currencies = [...new Set([...totals, ...collected, ...snapshots, ...handoffs].map((r) => r.currency))].sort();
  const collectedIn = (month: DateOnly, currency: string) =>
    collected.find((c) => c.month === month && c.currency === currency)?.collected ?? 0;
  const perCurrency = currencies.map((currency) => {
    const t = totals.find((r) => r.currency === currency);
    const open = t?.open ?? 0;
    const invoicedMinor = invoiced.get(currency) ?? 0;
    return {
      currency,
      open,
      overdue: t?.overdue ?? 0,
      accounts: t?.accounts ?? 0,
      overdueAccounts: t?.overdueAccounts ?? 0,
      invoicedInDsoPeriod: invoicedMinor,
      dso: daysSalesOutstanding(open, invoicedMinor),
      collectedThisMonth: collectedIn(thisMonth, currency),
      collectedLastMonth: collectedIn(lastMonth, currency),
    };
  });
  // This month has not ended: its bar is today's figures, live, and says so.
  const history: AgingHistoryPoint[] = [
    ...snapshots,
    ...totals.map((t) => ({ ...t, month: thisMonth, day: today, source: "today" as const })),
  ];
  return {
    today,
    defaultCurrency: org.defaultCurrency,
    thisMonth,
    lastMonth,
    months,
    dsoFrom: addDaysTo(today, -(DSO_PERIOD_DAYS - 1)),
    currencies,
    perCurrency,
    inBase,
    collected,
    history,
    promises: { thisMonth: promisesThisMonth, lastMonth: promisesLastMonth },
    letters,
    handoffs,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
