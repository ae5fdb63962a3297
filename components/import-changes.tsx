import type { ImportChanges, InvoiceFacts } from "@/lib/imports/invoice-changes";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";

const day = (d: string) => formatDateOnly(d, "en-GB");

function Facts({ facts, other }: { facts: InvoiceFacts; other: InvoiceFacts }) {
  const mark = (changed: boolean) => (changed ? "font-semibold text-amber-900" : "text-slate-600");
  return (
    <span className="space-x-2">
      <span className={mark(facts.customer !== other.customer)}>{facts.customer}</span>
      <span className={mark(facts.issueDate !== other.issueDate)}>issued {day(facts.issueDate)}</span>
      <span className={mark(facts.dueDate !== other.dueDate)}>due {day(facts.dueDate)}</span>
      <span
        className={`whitespace-nowrap ${mark(facts.amountMinor !== other.amountMinor || facts.currency !== other.currency)}`}
      >
        {formatMoney(facts.amountMinor, facts.currency)}
      </span>
    </span>
  );
}

/** What an import would change in stored invoices, stated before anything is written: counts, then the first changes before and after. */
export function ImportChangesList({ changes }: { changes: ImportChanges }) {
  const counts = [
    changes.amount && `${changes.amount} change amount`,
    changes.customer && `${changes.customer} change customer`,
    changes.dates && `${changes.dates} change dates`,
  ].filter(Boolean);
  return (
    <section aria-labelledby="changes-heading" className="rounded-xl border border-amber-300 bg-white shadow-sm">
      <h2
        id="changes-heading"
        className="border-b border-amber-200 bg-amber-50 px-4 py-3 text-sm font-semibold text-amber-900"
      >
        This file changes {changes.invoices === 1 ? "1 invoice" : `${changes.invoices.toLocaleString("en")} invoices`}{" "}
        already in Dunning Desk: {counts.join(", ")}.
        <span className="block font-normal">
          Nothing is changed unless you confirm below; each change is kept in the audit log as a correction.
          {changes.invoices > changes.examples.length && ` The first ${changes.examples.length} are listed.`}
        </span>
      </h2>
      <div className="max-h-[24rem] overflow-auto">
        <table className="min-w-full text-sm" data-testid="import-changes">
          <thead className="sticky top-0 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-4 py-2">
                Row
              </th>
              <th scope="col" className="px-4 py-2">
                Invoice
              </th>
              <th scope="col" className="px-4 py-2">
                Now
              </th>
              <th scope="col" className="px-4 py-2">
                After the import
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {changes.examples.map((c) => (
              <tr key={c.line}>
                <td className="px-4 py-2 tabular-nums text-slate-700">{c.line}</td>
                <td className="px-4 py-2 font-medium text-slate-800">{c.number}</td>
                <td className="px-4 py-2">
                  <Facts facts={c.before} other={c.after} />
                </td>
                <td className="px-4 py-2">
                  <Facts facts={c.after} other={c.before} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
