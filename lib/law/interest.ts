import { formatMoney } from "@/lib/money/money";
import { addDaysTo, type DateOnly, daysBetween } from "@/lib/time/dates";
import type { LetterCharge } from "./charges";
import { addPercents, divideHalfUp, percentToScaled, RATE_SCALE, scaledToPercent } from "./percent";
import type { RateSeriesId } from "./profile-types";
import { halfYearOf, type RateRow, rateOn, SERIES_NAMES } from "./rate-table";

/**
 * Interest is simple interest, per invoice, per day, on the open balance:
 *
 *   interest = sum over days d in [from, to] of balance(d) x rate / 365
 *
 * - It runs from the day after the due date (NO, IT, UK alike: the
 *   conservative reading of "fra forfallsdag" in forsinkelsesrenteloven § 2).
 * - balance(d) is the invoice amount less every payment received BEFORE d:
 *   the day of payment counts (days = payment date - due date, as the
 *   Norwegian and Italian calculators and the UK Act's "until payment" count),
 *   so a payment stops interest on its part from the day after it arrives.
 * - Actual days over a 365-day year, leap years included.
 * - The exact sum is kept as an integer fraction and rounded ONCE per line
 *   (one line per invoice per rate) to the nearest minor unit, halves up.
 */
export const ROUNDING_NOTE =
  "simple interest per day on the open balance, actual days / 365, rounded once per line to the nearest minor unit (halves up)";

export interface InterestInvoice {
  number: string;
  dueDate: DateOnly;
  amountMinor: number;
  payments: { receivedOn: DateOnly; amountMinor: number }[];
}

export type InterestRate =
  | {
      kind: "statutory";
      series: RateSeriesId;
      rows: RateRow[];
      marginPercent: string;
      mode: "half_year" | "fixed_at_overdue";
      label: string;
    }
  | { kind: "contractual"; percent: string; label: string };

interface Period {
  from: DateOnly;
  to: DateOnly;
  percent: string;
  rateNote: string;
}

function periods(rate: InterestRate, from: DateOnly, to: DateOnly, interestStart: DateOnly): Period[] {
  if (rate.kind === "contractual")
    return [{ from, to, percent: scaledToPercent(percentToScaled(rate.percent)), rateNote: "contractual rate" }];
  const rateLabel = (row: RateRow) =>
    `${SERIES_NAMES[rate.series]} ${row.referencePercent} % + ${rate.marginPercent}${row.needsCheck ? "; rate row marked for checking" : ""}`;
  if (rate.mode === "fixed_at_overdue") {
    // UK: the rate of the half-year in which interest started to run, for the whole debt.
    const row = rateOn(rate.series, rate.rows, interestStart);
    return [
      {
        from,
        to,
        percent: addPercents(row.referencePercent, rate.marginPercent),
        rateNote: `${rateLabel(row)}, fixed when the debt fell overdue`,
      },
    ];
  }
  const out: Period[] = [];
  for (let start = from; start <= to; ) {
    const half = halfYearOf(start);
    const end = half.to < to ? half.to : to;
    const row = rateOn(rate.series, rate.rows, start);
    out.push({
      from: start,
      to: end,
      percent: addPercents(row.referencePercent, rate.marginPercent),
      rateNote: rateLabel(row),
    });
    start = addDaysTo(end, 1);
  }
  return out;
}

/**
 * Interest on one invoice for the days from `since` (or the day after the due
 * date, whichever is later) to `asOf` inclusive: one charge line per rate.
 */
export function invoiceInterest(
  invoice: InterestInvoice,
  rate: InterestRate,
  opts: { asOf: DateOnly; since?: DateOnly | null; currency: string; kind: "interest" | "contractual_interest" },
): LetterCharge[] {
  const interestStart = addDaysTo(invoice.dueDate, 1);
  const from = opts.since && opts.since > interestStart ? opts.since : interestStart;
  if (from > opts.asOf) return [];
  const payments = [...invoice.payments].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : 1));
  const balanceOn = (d: DateOnly) =>
    invoice.amountMinor - payments.filter((p) => p.receivedOn < d).reduce((s, p) => s + p.amountMinor, 0);
  const money = (minor: number) => formatMoney(minor, opts.currency, "en-GB");
  const lines: LetterCharge[] = [];
  for (const period of periods(rate, from, opts.asOf, interestStart)) {
    // Split the period where the balance changes: the day after each payment inside it.
    const changes = payments.map((p) => addDaysTo(p.receivedOn, 1));
    const cuts = [period.from, ...changes.filter((d) => d > period.from && d <= period.to)];
    const steps = [...new Set(cuts)].sort();
    let balanceDays = 0n;
    const parts: string[] = [];
    let lastDay: DateOnly | null = null;
    steps.forEach((start, i) => {
      const end = i + 1 < steps.length ? addDaysTo(steps[i + 1], -1) : period.to;
      const balance = Math.max(0, balanceOn(start));
      const days = daysBetween(start, end) + 1;
      if (balance > 0 && days > 0) {
        balanceDays += BigInt(balance) * BigInt(days);
        parts.push(`${money(balance)} x ${days} day${days === 1 ? "" : "s"} (${start} to ${end})`);
        lastDay = end;
      }
    });
    if (balanceDays === 0n || !lastDay) continue;
    const amount = divideHalfUp(balanceDays * percentToScaled(period.percent), 365n * 100n * RATE_SCALE);
    if (amount === 0n) continue;
    lines.push({
      kind: opts.kind,
      invoiceNumber: invoice.number,
      amountMinor: Number(amount),
      currency: opts.currency,
      ratePercent: period.percent,
      fromDate: period.from,
      toDate: lastDay,
      basis: `${rate.label}: ${period.percent} % a year (${period.rateNote}) on invoice ${invoice.number}: ${parts.join(" + ")}; ${ROUNDING_NOTE}.`,
    });
  }
  return lines;
}
