import { InvoicePdfForm } from "@/components/invoice-pdf-form";
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
        <InvoicePdfForm
          action={bindAction("invoices.attach_pdf")}
          invoices={invoices.map((i) => ({
            value: i.id,
            label: `${i.number}${i.hasPdf ? " (replace its copy)" : ""}`,
          }))}
        />
      )}
    </section>
  );
}
