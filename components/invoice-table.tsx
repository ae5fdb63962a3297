import type { InvoiceLine } from "@/lib/customers/get-customer-account";
import { formatDateOnly } from "@/lib/time/dates";
import { Money } from "./money";
import { ScrollRegion } from "./scroll-region";

export function InvoiceTable({ invoices, locale }: { invoices: InvoiceLine[]; locale: string }) {
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
              Paid
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
          {invoices.map((inv) => {
            const overdue = inv.open > 0 && inv.daysPastDue > 0;
            return (
              <tr key={inv.id} className={inv.open === 0 ? "text-slate-500" : ""} data-invoice={inv.number}>
                <td className="px-3 py-2 font-medium">{inv.number}</td>
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
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
