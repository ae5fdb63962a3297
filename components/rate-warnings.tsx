import Link from "next/link";
import type { RateWarning } from "@/lib/law/rate-warnings";

/**
 * Missing reference rates and Norwegian amounts, 30 days before their
 * half-year begins and every day after until recorded: what is missing and
 * what it blocks. Shown to administrators on the dashboard, Today and the law page.
 */
export function RateWarnings({ warnings, linkToLaw = true }: { warnings: RateWarning[]; linkToLaw?: boolean }) {
  if (!warnings.length) return null;
  const missingNow = warnings.some((w) => w.state === "missing");
  return (
    <div
      role={missingNow ? "alert" : "status"}
      className={`rounded-xl border p-4 text-sm ${missingNow ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900"}`}
      data-testid="rate-warnings"
    >
      <p className="font-semibold">
        {missingNow ? "Rates missing: letters with these charges are refused" : "Rates needed soon"}
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        {warnings.map((w) => (
          <li key={`${w.what}-${w.halfYear.from}`}>
            <strong>{w.what}</strong> for {w.halfYear.from} – {w.halfYear.to}{" "}
            {w.state === "missing" ? "is not recorded" : "is not recorded yet"}. It blocks {w.blocks}
            {w.blocking ? "." : " (that charge is switched off here)."}
          </li>
        ))}
      </ul>
      {linkToLaw && (
        <p className="mt-2">
          <Link className="font-medium underline" href="/settings/law">
            Record them under Settings – Law and rates
          </Link>{" "}
          (upload the central bank&apos;s file, or enter the rate with its source).
        </p>
      )}
    </div>
  );
}
