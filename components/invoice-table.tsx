import type { InvoiceLine } from "@/lib/customers/get-customer-account";
import { describeMovement, type Movement } from "@/lib/ledger/customer-movements";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { Money } from "./money";
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
  return (
    <ScrollRegion label="Invoices" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="invoice-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Invoice
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Issued
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Due
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Amount
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Settled
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Open
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Days past due
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invoices.flatMap((inv) => {
            const overdue = inv.open > 0 && inv.daysPastDue > 0;
            const moves = byInvoice.get(inv.id) ?? [];
            const row = (
              <tr key={inv.id} className={inv.open === 0 ? "text-slate-500" : ""} data-invoice={inv.number}>
                <td className="px-3 py-2 font-medium">
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
                <td className="px-3 py-2">{formatDateOnly(inv.issueDate, locale)}</td>
                <td className="px-3 py-2">{formatDateOnly(inv.dueDate, locale)}</td>
                <td className="px-3 py-2 text-right">
                  <Money minor={inv.amount} currency={inv.currency} locale={locale} />
                </td>
                <td className="px-3 py-2 text-right">
                  <Money minor={inv.paid} currency={inv.currency} locale={locale} quietZero />
                </td>
                <td className="px-3 py-2 text-right font-medium">
                  <Money minor={inv.open} currency={inv.currency} locale={locale} quietZero />
                </td>
                <td className="px-3 py-2 text-right">
                  {inv.open === 0 ? (
                    <span className="text-xs">Paid</span>
                  ) : overdue ? (
                    <span className="font-medium text-red-700">{inv.daysPastDue}</span>
                  ) : (
                    <span className="text-slate-500">due in {-inv.daysPastDue} d</span>
                  )}
                </td>
              </tr>
            );
            if (!moves.length) return [row];
            return [
              row,
              <tr key={`${inv.id}-moves`} className="bg-slate-50/60" data-movements={inv.number}>
                <td colSpan={7} className="px-3 pb-2 pt-0">
                  <ul className="sticky left-3 max-w-[calc(100vw-4rem)] space-y-0.5 border-l-2 border-slate-200 pl-3 text-xs text-slate-600">
                    {moves.map((m) => (
                      <li key={m.id}>
                        {describeMovement(m, f)}
                        {m.reason && m.kind !== "payment" ? `: ${m.reason}` : ""}
                        <span className="text-slate-500"> · {m.by}</span>
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
