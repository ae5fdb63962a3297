import type { InvoiceLine } from "@/lib/customers/get-customer-account";
import { describeMovement, type Movement } from "@/lib/ledger/customer-movements";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { ScrollRegion } from "./scroll-region";

/** A customer's invoices; under each, its movements (payments, credits, write-offs, reversals, extensions). */
export function InvoiceTable({
  invoices,
  locale,
  movements = [],
  disputed = new Set(),
}: {
  invoices: InvoiceLine[];
  locale: string;
  movements?: Movement[];
  disputed?: Set<string>;
}) {
  const byInvoice = new Map<string, Movement[]>();
  for (const m of movements) if (m.invoiceId) byInvoice.set(m.invoiceId, [...(byInvoice.get(m.invoiceId) ?? []), m]);
  const f = {
    money: (m: number, c: string) => formatMoney(m, c, locale),
    day: (d: string) => formatDateOnly(d, locale),
  };
  const money = (minor: number, currency: string) =>
    minor === 0 ? <td data-nil>—</td> : <td>{formatMoney(minor, currency, locale)}</td>;
  // Cell styles live on the table, not on each cell: every attribute of a row goes out
  // twice (HTML and the RSC payload), and a customer can have many invoices.
  return (
    <ScrollRegion label="Invoices" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table
        className="min-w-full text-sm [&_th]:px-3 [&_th]:py-2 [&_th]:text-right [&_th]:font-medium [&_th:nth-child(-n+3)]:text-left [&_td]:px-3 [&_td]:py-2 [&_td:nth-child(n+4)]:whitespace-nowrap [&_td:nth-child(n+4)]:text-right [&_td:first-child]:font-medium [&_td:nth-child(6)]:font-medium [&_td[data-late]]:font-medium [&_td[data-late]]:text-red-700 [&_tr[data-paid]]:text-slate-500"
        data-testid="invoice-table"
      >
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col">Invoice</th>
            <th scope="col">Issued</th>
            <th scope="col">Due</th>
            <th scope="col">Amount</th>
            <th scope="col">Settled</th>
            <th scope="col">Open</th>
            <th scope="col">Days past due</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoices.flatMap((inv) => {
            const overdue = inv.open > 0 && inv.daysPastDue > 0;
            const moves = byInvoice.get(inv.id) ?? [];
            const row = (
              <tr key={inv.id} data-paid={inv.open === 0 || undefined} data-invoice={inv.number}>
                <td>
                  {inv.number}
                  {disputed.has(inv.id) && (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
                      Disputed
                    </span>
                  )}
                  {inv.hasPdf && (
                    <span
                      className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-normal text-slate-600"
                      title="A copy of this invoice goes with letters"
                    >
                      PDF
                    </span>
                  )}
                </td>
                <td>{formatDateOnly(inv.issueDate, locale)}</td>
                <td>{formatDateOnly(inv.dueDate, locale)}</td>
                <td>{formatMoney(inv.amount, inv.currency, locale)}</td>
                {money(inv.paid, inv.currency)}
                {money(inv.open, inv.currency)}
                {inv.open === 0 ? (
                  <td className="text-xs">Paid</td>
                ) : overdue ? (
                  <td data-late>{inv.daysPastDue}</td>
                ) : (
                  <td data-nil>{`due in ${-inv.daysPastDue} d`}</td>
                )}
              </tr>
            );
            if (!moves.length) return [row];
            return [
              row,
              <tr key={`${inv.id}-moves`} className="bg-slate-50/60" data-movements={inv.number}>
                <td colSpan={7} className="pt-0!">
                  <ul className="sticky left-3 max-w-[calc(100vw-4rem)] space-y-0.5 border-l-2 border-slate-200 pl-3 text-xs text-slate-600 [&_small]:text-xs [&_small]:text-slate-500">
                    {moves.map((m) => (
                      <li key={m.id}>
                        {describeMovement(m, f)}
                        {m.reason && m.kind !== "payment" ? `: ${m.reason}` : ""}
                        <small>{` · ${m.by}`}</small>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
