import Link from "next/link";
import type { PausedAccount } from "@/lib/collections/list-paused-accounts";
import { formatDateOnly } from "@/lib/time/dates";

/** Overdue accounts the worklist and "send all due letters" skip because dunning is paused, with the reason. */
export function PausedAccounts({ accounts, locale }: { accounts: PausedAccount[]; locale: string }) {
  if (!accounts.length) return null;
  return (
    <section aria-labelledby="paused-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm">
      <h2 id="paused-heading" className="font-semibold text-amber-900">
        Skipped: dunning paused ({accounts.length})
      </h2>
      <p className="text-amber-900">These customers have overdue invoices but get no letters while paused.</p>
      <ul className="mt-2 space-y-1">
        {accounts.map((a) => (
          <li key={a.customerId}>
            <Link href={`/customers/${a.customerId}`} className="font-medium text-amber-950 underline">
              {a.name}
            </Link>
            <span className="text-amber-900">
              {" "}
              — {a.reason}
              {a.until ? ` (until ${formatDateOnly(a.until, locale)})` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
