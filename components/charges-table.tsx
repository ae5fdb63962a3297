import { ActionForm, Field } from "@/components/action-form";
import { ScrollRegion } from "@/components/scroll-region";
import type { ActionResult } from "@/lib/actions/define-action";
import { CHARGE_KIND_LABEL } from "@/lib/law/charges";
import type { ChargeLine } from "@/lib/law/list-customer-charges";
import { formatMoney } from "@/lib/money/money";

const KIND = CHARGE_KIND_LABEL;

/** The charges the letters claimed: their own claims beside the invoices, each payable on its own. */
export function ChargesTable({
  charges,
  locale,
  payAction,
}: {
  charges: ChargeLine[];
  locale: string;
  payAction?: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  if (!charges.length) return <p className="text-sm text-slate-500">No interest or fees have been claimed.</p>;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const open = charges.filter((c) => c.openMinor > 0);
  return (
    <div className="space-y-3">
      <ScrollRegion label="Interest and fees claimed" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="w-full text-sm" data-testid="charges-table">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr>
              <th className="px-3 py-2 font-medium">Invoice</th>
              <th className="px-3 py-2 font-medium">Charge</th>
              <th className="px-3 py-2 font-medium">Rate and period</th>
              <th className="px-3 py-2 text-right font-medium">Claimed</th>
              <th className="px-3 py-2 text-right font-medium">Open</th>
            </tr>
          </thead>
          <tbody>
            {charges.map((c) => (
              <tr key={c.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2 whitespace-nowrap">{c.invoiceNumber ?? "—"}</td>
                <td className="px-3 py-2">
                  <span title={c.basis}>{KIND[c.kind] ?? c.kind}</span>
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {c.ratePercent ? `${c.ratePercent} % ` : ""}
                  {c.fromDate && c.toDate ? `${c.fromDate} – ${c.toDate}` : ""}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{money(c.amountMinor, c.currency)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(c.openMinor, c.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {payAction && open.length > 0 && (
        <details className="rounded-md border border-slate-200 bg-white p-3 text-sm" data-testid="form-charge-payment">
          <summary className="cursor-pointer font-medium">Record a payment against a charge</summary>
          <ActionForm action={payAction} submitLabel="Record payment">
            <div className="grid gap-x-6 sm:grid-cols-3">
              <Field
                as="select"
                name="chargeId"
                label="Charge"
                options={open.map((c) => ({
                  value: c.id,
                  label: `${c.invoiceNumber ?? ""} · ${KIND[c.kind] ?? c.kind} · ${money(c.openMinor, c.currency)} open`,
                }))}
              />
              <Field name="amount" label="Amount" inputMode="decimal" />
              <Field name="receivedOn" label="Received on" type="date" />
            </div>
          </ActionForm>
        </details>
      )}
    </div>
  );
}
