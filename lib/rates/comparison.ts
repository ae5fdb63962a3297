import type { DateOnly } from "@/lib/time/dates";
import type { RateTable } from "./rate-types";

/** What a page says about comparing amounts: "Amounts compared in EUR at rates of 2026-11-30". */
export interface Comparison {
  base: string;
  /** The days of the rates used, each with its currencies, newest first. */
  rateDays: { validOn: DateOnly; currencies: string[] }[];
  /** Currencies in use with no rate on or before the day: ordered apart, per currency. */
  missing: string[];
}

/** The comparison for the currencies a page shows (the base currency needs no rate). */
export function comparisonFor(table: RateTable, currencies: Iterable<string>): Comparison {
  const days = new Map<DateOnly, string[]>();
  const missing: string[] = [];
  for (const currency of [...new Set(currencies)].sort()) {
    if (currency === table.base) continue;
    const rate = table.rates.get(currency);
    if (!rate) missing.push(currency);
    else days.set(rate.validOn, [...(days.get(rate.validOn) ?? []), currency]);
  }
  const rateDays = [...days].map(([validOn, list]) => ({ validOn, currencies: list }));
  rateDays.sort((a, b) => b.validOn.localeCompare(a.validOn));
  return { base: table.base, rateDays, missing };
}
