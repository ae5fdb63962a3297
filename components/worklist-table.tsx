import Link from "next/link";
import type { WorklistItem } from "@/lib/collections/list-worklist";
import { Money } from "./money";
import { ScrollRegion } from "./scroll-region";
import { SelectBox } from "./select-box";

const KIND = {
  letter: "Send letter",
  handoff: "Hand-off review",
  credit: "Apply credit",
  dispute: "Dispute",
  tracking: "Tracking number",
} as const;

/** `selectForm`: the id of the selection toolbar's form; each row then has a checkbox posting to it. */
export function WorklistTable({
  items,
  locale,
  selectForm,
  base,
}: {
  items: WorklistItem[];
  locale: string;
  selectForm?: string;
  base: string;
}) {
  if (!items.length)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-500">
        Nothing needs action today.
      </p>
    );
  return (
    <ScrollRegion label="Worklist" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="worklist">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Account
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Overdue
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Oldest
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Stage
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Why
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((i) => (
            <tr key={`${i.customerId}:${i.currency}`} data-customer={i.name} className="align-top">
              <td className="px-3 py-2">
                <div className="flex items-center gap-2">
                  {selectForm && <SelectBox form={selectForm} account={i} label={`${i.name} (${i.currency})`} />}
                  <Link href={`/customers/${i.customerId}`} className="font-medium text-brand-700 hover:underline">
                    {i.name}
                  </Link>
                </div>
                <div className="text-xs text-slate-500" data-testid="assigned-to">
                  {i.assignedTo ? `Assigned to ${i.assignedTo}` : "Not assigned"}
                </div>
              </td>
              <td className="px-3 py-2 text-right font-medium">
                <Money minor={i.overdueMinor} currency={i.currency} locale={locale} />
                {i.overdueInBase !== null && (
                  <div className="whitespace-nowrap text-xs font-normal text-slate-500" data-testid="overdue-in-base">
                    ≈ <Money minor={i.overdueInBase} currency={base} locale={locale} />
                  </div>
                )}
              </td>
              <td className="px-3 py-2 text-right text-red-700">{i.oldestDaysPastDue} d</td>
              <td className="px-3 py-2 whitespace-nowrap">{i.lastStage ? `Letter ${i.lastStage} sent` : "—"}</td>
              <td className="min-w-64 px-3 py-2">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                  {KIND[i.kind]}
                </span>
                {i.callBackDue && (
                  <span
                    className="mr-2 rounded bg-sky-100 px-1.5 py-0.5 text-xs font-medium text-sky-900"
                    data-testid="call-back-due"
                  >
                    Call back
                  </span>
                )}
                <ul className="mt-1 space-y-0.5">
                  {i.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
                <p className="mt-0.5 text-xs text-slate-500" data-testid="worklist-policy">
                  Policy: {i.policy}
                </p>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {i.dueStage ? (
                  <Link
                    href={`/customers/${i.customerId}/letter-preview?currency=${i.currency}`}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                  >
                    Preview letter {i.dueStage}
                  </Link>
                ) : i.letterId ? (
                  <Link
                    href={`/letters/${i.letterId}`}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                  >
                    Open letter
                  </Link>
                ) : (
                  <Link
                    href={`/customers/${i.customerId}`}
                    className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50"
                  >
                    Open account
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
