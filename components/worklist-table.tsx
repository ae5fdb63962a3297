import type { WorklistItem } from "@/lib/collections/list-worklist";
import { selectionValue } from "@/lib/letters/selection";
import { formatMoney } from "@/lib/money/money";
import { ScrollRegion } from "./scroll-region";
import { SelectBox } from "./select-box";
import { WorklistWhyLoader } from "./worklist-why-loader";

const KIND = {
  letter: "Send letter",
  handoff: "Hand-off review",
  credit: "Apply credit",
  dispute: "Dispute",
  tracking: "Tracking number",
} as const;

const TABLE_ID = "worklist-table";

// Every class string here repeats per row twice (HTML and the RSC payload), so the
// cells' styles live once on the table as descendant selectors and the rows carry
// bare elements: `small` is a quiet second line, `b` a badge, `u` a link button.
const TABLE = [
  "min-w-full text-sm [&_td]:px-3 [&_td]:py-2 [&_td]:align-top [&_input]:mr-2 [&_input]:align-middle",
  "[&_td:nth-child(2)]:text-right [&_td:nth-child(2)]:font-medium [&_td:nth-child(3)]:text-right [&_td:nth-child(3)]:whitespace-nowrap [&_td:nth-child(3)]:text-red-700",
  "[&_td:first-child]:min-w-52 [&_td:nth-child(2)]:whitespace-nowrap [&_td:nth-child(4)]:whitespace-nowrap [&_td:nth-child(5)]:min-w-64 [&_td:last-child]:whitespace-nowrap",
  "[&_small]:block [&_small]:text-xs [&_small]:font-normal [&_small]:text-slate-500",
  "[&_td:first-child>a]:font-medium [&_td:first-child>a]:text-brand-700 [&_td:first-child>a:hover]:underline",
  "[&_b]:mr-2 [&_b]:rounded [&_b]:bg-slate-100 [&_b]:px-1.5 [&_b]:py-0.5 [&_b]:text-xs [&_b]:font-medium [&_b]:text-slate-700",
  "[&_b[data-call]]:bg-sky-100 [&_b[data-call]]:text-sky-900 [&_summary]:cursor-pointer [&_li]:mt-0.5 [&_ul]:mt-1 [&_ul]:text-slate-700",
  "[&_td:last-child>a]:rounded-md [&_td:last-child>a]:border [&_td:last-child>a]:border-slate-300 [&_td:last-child>a]:px-2.5",
  "[&_td:last-child>a]:py-1 [&_td:last-child>a]:text-xs [&_td:last-child>a]:font-medium [&_td:last-child>a:hover]:bg-slate-50",
].join(" ");

/**
 * `selectForm`: the id of the selection toolbar's form; each row then has a checkbox posting to it.
 * A row shows its main reason; the rest and the policy load when the row's "Why" is opened
 * (WorklistWhyLoader), so 25 rows do not carry every reason in the page.
 */
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
      <WorklistWhyLoader tableId={TABLE_ID} />
      <table id={TABLE_ID} className={TABLE} data-testid="worklist">
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 [&_th]:px-3 [&_th]:py-2 [&_th]:font-medium">
          <tr>
            <th scope="col">Account</th>
            <th scope="col" className="text-right">
              Overdue
            </th>
            <th scope="col" className="text-right">
              Oldest
            </th>
            <th scope="col">Stage</th>
            <th scope="col">Why</th>
            <th scope="col">
              <span className="sr-only">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((i) => (
            <tr key={`${i.customerId}:${i.currency}`} data-customer={i.name}>
              <td>
                {selectForm && <SelectBox form={selectForm} account={i} label={`${i.name} (${i.currency})`} />}
                <a href={`/customers/${i.customerId}`}>{i.name}</a>
                <small data-testid="assigned-to">{i.assignedTo ? `Assigned to ${i.assignedTo}` : "Not assigned"}</small>
              </td>
              <td>
                {formatMoney(i.overdueMinor, i.currency, locale)}
                {i.overdueInBase !== null && (
                  <small data-testid="overdue-in-base">≈ {formatMoney(i.overdueInBase, base, locale)}</small>
                )}
              </td>
              <td>{i.oldestDaysPastDue} d</td>
              <td>{i.lastStage ? `Letter ${i.lastStage} sent` : "—"}</td>
              <td>
                <details data-why={selectionValue(i)}>
                  <summary>
                    <b>{KIND[i.kind]}</b>
                    {i.callBackDue && (
                      <b data-call data-testid="call-back-due">
                        Call back
                      </b>
                    )}
                    {i.reasons[0]}
                  </summary>
                  <ul aria-live="polite" />
                </details>
              </td>
              <td>
                {i.dueStage ? (
                  <a href={`/customers/${i.customerId}/letter-preview?currency=${i.currency}`}>
                    Preview letter {i.dueStage}
                  </a>
                ) : i.letterId ? (
                  <a href={`/letters/${i.letterId}`}>Open letter</a>
                ) : (
                  <a href={`/customers/${i.customerId}`}>Open account</a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
