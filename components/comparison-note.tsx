import type { Comparison } from "@/lib/rates/comparison";

/**
 * "Amounts compared in EUR at rates of 2026-11-30", and which currencies have
 * no rate (ordered after the converted accounts, per currency). Admins get a
 * link to enter the missing rates.
 */
export function ComparisonNote({ comparison, admin }: { comparison: Comparison; admin: boolean }) {
  const { base, rateDays, missing } = comparison;
  const days =
    rateDays.length === 1
      ? ` at rates of ${rateDays[0].validOn}`
      : rateDays.length
        ? ` at rates of ${rateDays.map((d) => `${d.validOn} (${d.currencies.join(", ")})`).join(", ")}`
        : "";
  return (
    <div className="space-y-1 text-sm" data-testid="comparison-note">
      <p className="text-slate-600">
        Amounts compared in {base}
        {days}.
      </p>
      {missing.length > 0 && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900" role="status">
          No exchange rate for {missing.join(", ")}: {missing.length === 1 ? "its accounts are" : "their accounts are"}{" "}
          listed after the others, by amount in {missing.length === 1 ? "its own currency" : "each currency"}.
          {admin && <EnterRatesLink />}
        </p>
      )}
    </div>
  );
}

/** " Enter rates." for an administrator, after a sentence naming currencies without a rate. */
export function EnterRatesLink() {
  return (
    <>
      {" "}
      <a href="/settings/rates" className="font-medium underline">
        Enter rates
      </a>
      .
    </>
  );
}
