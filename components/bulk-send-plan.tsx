import Link from "next/link";
import { type BulkSendPlan, SKIP_LABEL, type SkipCategory, type SkippedAccount } from "@/lib/letters/bulk-plan";
import { ScrollRegion } from "./scroll-region";

const CHANNEL = { post: "Post", email: "Email" } as const;
/** Long lists are folded: the counts are the summary, the names are there to check. */
const OPEN_UP_TO = 8;

/** What "send all due letters" will do: letters per stage and channel, the letter 4s, the skipped accounts and why. */
export function BulkSendPlanSummary({ plan }: { plan: BulkSendPlan }) {
  const total = plan.letters.length;
  const letter4 = plan.letters.filter((l) => l.stage === 4);
  return (
    <div className="space-y-4">
      <section aria-labelledby="plan-letters" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="plan-letters" className="text-base font-semibold">
          {total ? `${total} letter${total === 1 ? "" : "s"} to send` : "No letters are due"}
        </h2>
        {total > 0 && (
          <ScrollRegion label="Letters per stage and channel" className="mt-3">
            <table className="min-w-full text-sm" data-testid="plan-counts">
              <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">
                    Stage
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    By post
                  </th>
                  <th scope="col" className="py-2 pr-4 text-right font-medium">
                    By email
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {plan.byStage.map((row) => (
                  <tr key={row.stage}>
                    <th scope="row" className="py-1.5 pr-4 text-left font-medium">
                      Letter {row.stage}
                      {row.stage === 4 ? " (final, registered mail)" : ""}
                    </th>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{row.post}</td>
                    <td className="py-1.5 pr-4 text-right tabular-nums">{row.email}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      {letter4.length > 0 && (
        <section
          aria-labelledby="plan-letter4"
          className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-950"
          data-testid="plan-letter4"
        >
          <h2 id="plan-letter4" className="font-semibold">
            {letter4.length} final letter{letter4.length === 1 ? "" : "s"} (letter 4) by registered mail
          </h2>
          <p className="mt-1">
            Each tells the customer the account has been handed to a collection agency, and goes by registered mail so
            receipt can be proven: print {letter4.length === 1 ? "it" : "them"}, post at the counter, and record the
            tracking number.
          </p>
          <ul className="mt-2 list-disc pl-5">
            {letter4.map((l) => (
              <li key={`${l.customerId}:${l.currency}`}>
                {l.name} ({l.currency})
              </li>
            ))}
          </ul>
        </section>
      )}

      {total > 0 && (
        <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={total <= OPEN_UP_TO}>
          <summary className="cursor-pointer text-sm font-semibold">Every letter in the plan, in sending order</summary>
          <ol className="mt-2 space-y-1 text-sm" data-testid="plan-list">
            {plan.letters.map((l) => (
              <li key={`${l.customerId}:${l.currency}`} className="flex flex-wrap gap-x-3">
                <Link href={`/customers/${l.customerId}`} className="font-medium text-brand-700 hover:underline">
                  {l.name}
                </Link>
                <span className="text-slate-600">
                  {l.currency} · letter {l.stage} · {CHANNEL[l.channel]}
                </span>
                {l.policy && <span className="text-xs text-slate-500">policy {l.policy}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}

      <SkippedAccounts skipped={plan.skipped} />
    </div>
  );
}

function SkippedAccounts({ skipped }: { skipped: SkippedAccount[] }) {
  if (!skipped.length) return null;
  const groups = new Map<SkipCategory, SkippedAccount[]>();
  for (const s of skipped) groups.set(s.category, [...(groups.get(s.category) ?? []), s]);
  return (
    <section aria-labelledby="plan-skipped" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm">
      <h2 id="plan-skipped" className="font-semibold text-amber-950">
        Skipped: {skipped.length} overdue account{skipped.length === 1 ? "" : "s"} get no letter
      </h2>
      <div className="mt-2 space-y-2" data-testid="plan-skipped">
        {[...groups].map(([category, rows]) => (
          <details key={category} open={rows.length <= OPEN_UP_TO && category !== "not_due"}>
            <summary className="cursor-pointer font-medium text-amber-950">
              {SKIP_LABEL[category]}: {rows.length}
            </summary>
            <ul className="mt-1 space-y-1 pl-4">
              {rows.map((s) => (
                <li key={`${s.customerId}:${s.currency}`}>
                  <Link href={`/customers/${s.customerId}`} className="font-medium text-amber-950 underline">
                    {s.name}
                  </Link>
                  <span className="text-amber-900">
                    {" "}
                    ({s.currency}) — {s.reason}
                    {s.policy && <span className="text-xs text-slate-500"> · policy {s.policy}</span>}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </section>
  );
}
