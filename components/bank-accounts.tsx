import type { ActionResult } from "@/lib/actions/define-action";
import { ActionForm, Field } from "./action-form";
import { ScrollRegion } from "./scroll-region";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

interface BankAccountRow {
  currency: string;
  bankName: string;
  iban: string;
  bic: string;
  accountNumber: string;
  usesKid: boolean;
}

/** The bank accounts letters ask customers to pay into, one per currency, and the form that sets one. */
export function BankAccounts({ accounts, action }: { accounts: BankAccountRow[]; action: Action }) {
  return (
    <section aria-labelledby="bank-heading" className="space-y-3" data-testid="bank-accounts">
      <div>
        <h2 id="bank-heading" className="text-lg font-semibold">
          Bank accounts
        </h2>
        <p className="text-sm text-slate-500">
          A letter asks for payment into the account of its currency, with the invoice numbers (or each invoice's KID,
          when the account uses KID) as the reference. Letter 4 names the agency's account instead.
        </p>
      </div>
      {accounts.length > 0 ? (
        <ScrollRegion label="Bank accounts" className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
              <tr>
                {["Currency", "Bank", "IBAN", "BIC", "Account number", "KID"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 font-medium">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((a) => (
                <tr key={a.currency} data-currency={a.currency}>
                  <td className="px-3 py-2 font-medium">{a.currency}</td>
                  <td className="px-3 py-2">{a.bankName}</td>
                  <td className="whitespace-nowrap px-3 py-2">{a.iban}</td>
                  <td className="px-3 py-2">{a.bic}</td>
                  <td className="whitespace-nowrap px-3 py-2">{a.accountNumber}</td>
                  <td className="px-3 py-2">{a.usesKid ? "Yes" : "No"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <p className="rounded-xl border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          No bank account yet: letters ask customers to contact you for payment details.
        </p>
      )}
      <div className="max-w-xl rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <ActionForm action={action} submitLabel="Save account" testId="bank-account-form">
          <div className="grid gap-x-4 sm:grid-cols-2">
            <Field name="currency" label="Currency" placeholder="NOK" hint="Saving an existing currency replaces it." />
            <Field name="bankName" label="Bank" />
            <Field name="iban" label="IBAN" />
            <Field name="bic" label="BIC" />
            <Field name="accountNumber" label="Domestic account number" />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="usesKid" /> Payments are matched by KID (Norway)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="remove" /> Remove the account of this currency
          </label>
        </ActionForm>
      </div>
    </section>
  );
}
