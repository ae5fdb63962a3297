import { addDaysTo, type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

/**
 * The demo's exchange rates against its base currency (EUR), for the
 * currencies its customers invoice in, as the ECB quotes them (1 EUR = rate x
 * currency). Dated relative to the demo's creation: the last two days before
 * it. The figures are illustrative, of the ECB's order of magnitude, and were
 * not checked against a published file (these machines cannot reach the ECB):
 * the source on every row says so. A real organization imports the ECB's own
 * file (Settings → Exchange rates).
 */
const DAYS: [daysAgo: number, rates: Record<string, string>][] = [
  [2, { USD: "1.0401", NOK: "11.6900" }],
  [1, { USD: "1.0446", NOK: "11.7150" }],
];

export const DEMO_RATE_SOURCE =
  "ECB euro foreign exchange reference rates (demo figures: import the ECB's eurofxref.csv for the published ones)";

export function demoExchangeRates(orgId: string, today: DateOnly) {
  return DAYS.flatMap(([daysAgo, rates]) =>
    Object.entries(rates).map(([currency, rate]) => ({
      orgId,
      currency,
      baseCurrency: "EUR",
      rate,
      validOn: dateOnlyToDb(addDaysTo(today, -daysAgo)),
      source: DEMO_RATE_SOURCE,
    })),
  );
}
