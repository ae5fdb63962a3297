import { ActionForm, Field } from "@/components/action-form";
import { InvoiceTable } from "@/components/invoice-table";
import { LedgerForms } from "@/components/ledger-forms";
import { loadInvoicesSection } from "@/lib/customer-page/invoices-section";
import { bindAction } from "@/lib/server-actions/bind";
import type { SectionProps } from "./section-props";

/** The invoices with their movements, the ledger's forms, and the invoice copies letters enclose. */
export async function InvoicesSection({ user, customerId, working }: SectionProps) {
  const { invoices, currency, movements, disputed, openInvoices, reversible, credits, today } =
    await loadInvoicesSection(user, customerId);
  return (
    <section aria-labelledby="invoices-heading" className="space-y-3">
      <h2 id="invoices-heading" className="text-lg font-semibold">
        Invoices
      </h2>
      <InvoiceTable invoices={invoices} locale={user.locale} movements={movements} disputed={disputed} />
      {working && (
        <LedgerForms
          customerId={customerId}
          currency={currency}
          openInvoices={openInvoices}
          payments={reversible}
          credits={credits}
          today={today}
          actions={{
            enterInvoice: bindAction("ledger.enter_invoice"),
            creditNote: bindAction("ledger.credit_note"),
            writeOff: bindAction("ledger.write_off"),
            extendDueDate: bindAction("ledger.extend_due_date"),
            reversePayment: bindAction("ledger.reverse_payment"),
            applyCredit: bindAction("ledger.apply_credit"),
          }}
        />
      )}
      {working && invoices.length > 0 && (
        <details
          className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
          data-testid="form-invoice-pdf"
        >
          <summary className="cursor-pointer font-medium">Attach a copy of an invoice (PDF)</summary>
          <p className="mt-2 text-slate-600">
            Letters list the copies they enclose; the email attaches them and the print run puts them after the letter.
            Without a copy, a letter offers one on request.
          </p>
          <ActionForm action={bindAction("invoices.attach_pdf")} submitLabel="Store the copy" pendingLabel="Uploading…">
            <Field
              name="invoiceId"
              label="Invoice"
              as="select"
              options={invoices.map((i) => ({
                value: i.id,
                label: `${i.number}${i.hasPdf ? " (replace its copy)" : ""}`,
              }))}
            />
            <Field name="file" label="PDF file (up to 5 MB)" type="file" />
          </ActionForm>
        </details>
      )}
    </section>
  );
}
