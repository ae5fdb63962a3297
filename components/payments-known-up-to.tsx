import type { PaymentsKnownUpTo } from "@/lib/collections/payments-known-up-to";
import { formatDateOnly } from "@/lib/time/dates";

const FROM = {
  statement: "the last bank statement",
  import: "the last payments import",
  api: "the last payment sent by API",
};

/** "Payments known up to …": shown wherever a letter may be decided, amber when older than the organization's limit. */
export function PaymentsKnownUpToNote({ known, locale }: { known: PaymentsKnownUpTo; locale?: string }) {
  if (!known.knownUpTo)
    return (
      <p
        data-testid="payments-known-up-to"
        className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
      >
        Payments known up to: <strong>never imported</strong>. Import a bank statement or payments before sending
        letters.
      </p>
    );
  const day = formatDateOnly(known.knownUpTo, locale);
  return (
    <p
      data-testid="payments-known-up-to"
      className={
        known.stale
          ? "rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          : "rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600"
      }
    >
      Payments known up to <strong>{day}</strong> ({known.source ? FROM[known.source] : ""})
      {known.stale
        ? `: ${known.bankDaysOld} bank days old, more than the ${known.staleAfterDays} allowed. A customer may have paid since.`
        : "."}
    </p>
  );
}
