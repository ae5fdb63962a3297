import Link from "next/link";
import type { AccountCollections } from "@/lib/collections/get-account-collections";
import { formatDateOnly } from "@/lib/time/dates";
import { Money } from "./money";
import { PolicyPath } from "./policy-path";

const STATUS_STYLE = {
  pending: "bg-amber-50 text-amber-800",
  kept: "bg-emerald-50 text-emerald-800",
  broken: "bg-red-50 text-red-800",
} as const;

/** Per currency: where the account stands in the letter sequence and what the policy says is next. */
export function CollectionsPanel({
  customerId,
  accounts,
  locale,
  children,
  disputeAction,
}: {
  customerId: string;
  accounts: AccountCollections[];
  locale: string;
  children?: (account: AccountCollections) => React.ReactNode;
  /** For roles that may change the account: what to do with an open dispute (resolve it). Viewers read only. */
  disputeAction?: (disputeId: string) => React.ReactNode;
}) {
  if (!accounts.length)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">
        Nothing open: no collection work for this customer.
      </p>
    );
  const day = (d: string) => formatDateOnly(d, locale);
  return (
    <div className="grid items-start gap-4 lg:grid-cols-2">
      {accounts.map((account) => {
        const { currency, action, state, policy, path, promises } = account;
        const last = state.letters.at(-1);
        const due = action.kind === "letter" ? action.due && !action.blockedUntilHandoff : action.kind !== "none";
        return (
          <article
            key={currency}
            className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            data-testid={`collections-${currency}`}
          >
            <header className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">{currency} account</h3>
              <span className="text-sm text-slate-500">
                {last ? `Letter ${last.stage} of 4 sent ${day(last.sentOn)}` : "No letters yet"} · overdue{" "}
                <Money minor={state.overdueMinor} currency={currency} locale={locale} />
              </span>
            </header>
            <p
              className={`rounded-md px-3 py-2 text-sm ${due ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-700"}`}
              data-testid="next-action"
            >
              {action.reason}
            </p>
            <PolicyPath policy={policy} path={path} locale={locale} />
            <div className="flex flex-wrap gap-2">
              {action.kind === "letter" && !action.blockedUntilHandoff && (
                <Link
                  href={`/customers/${customerId}/letter-preview?currency=${currency}`}
                  className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
                >
                  Preview letter {action.stage}
                </Link>
              )}
              {action.kind === "handoff" && (
                <a
                  href="#history-heading"
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
                >
                  Review the history for hand-off
                </a>
              )}
              {(action.kind === "handoff" || state.handoff) && (
                <a
                  href={`/api/customers/${customerId}/handoff-pack`}
                  download
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
                >
                  Download hand-off pack
                </a>
              )}
            </div>
            {state.handoff && (
              <p className="text-sm text-slate-700">
                Handed to <strong>{state.handoff.agency}</strong> (ref. {state.handoff.reference}) on{" "}
                {day(state.handoff.handedOverOn)}:{" "}
                <Money minor={state.handoff.amountMinor} currency={currency} locale={locale} />.
              </p>
            )}
            {promises.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="Promises and instalments">
                {promises.map((p) => (
                  <li key={p.id} className="flex items-center gap-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[p.status]}`}>
                      {p.status}
                    </span>
                    {p.planId ? "Instalment" : "Promise"} of{" "}
                    <Money minor={p.amount} currency={currency} locale={locale} /> by {day(p.promisedFor)}
                  </li>
                ))}
              </ul>
            )}
            {state.openDisputes.length > 0 && (
              <ul className="space-y-1 text-sm" aria-label="Open disputes" data-testid="open-disputes">
                {state.openDisputes.map((d) => (
                  <li key={d.id} className="rounded-md border border-amber-200 bg-amber-50/50 p-2">
                    <span className="font-medium">Disputed: {d.invoiceNumber}</span> since {day(d.openedOn)}: {d.note}
                    {disputeAction?.(d.id)}
                  </li>
                ))}
              </ul>
            )}
            {children?.(account)}
          </article>
        );
      })}
    </div>
  );
}
