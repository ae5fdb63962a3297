import type { SessionUser } from "@/lib/auth/session-user";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { loadOpenInvoices } from "./open-invoices";
import { customerReads, pageClock } from "./request-scope";

/** The invoices section: each invoice with its movements, and what the ledger forms offer (payments to reverse, credit to apply). */
export async function loadInvoicesSection(user: SessionUser, customerId: string) {
  const { today } = pageClock(user);
  const [{ account, disputed, openInvoices }, ledger] = await Promise.all([
    loadOpenInvoices(user, customerId),
    customerReads(user, customerId).ledger(),
  ]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, user.locale);
  const reversible = ledger.movements
    .filter((m) => (m.kind === "payment" || m.kind === "unapplied_payment") && !m.reversed)
    .map((m) => ({
      id: m.id,
      label: `${formatDateOnly(m.on, user.locale)} · ${money(m.amount, m.currency)} · ${m.invoiceNumber ?? "unapplied"}`,
    }));
  return {
    invoices: account.invoices,
    currency: account.customer.currency,
    movements: ledger.movements,
    disputed,
    openInvoices,
    reversible,
    credits: ledger.credits.map((c) => money(c.credit, c.currency)),
    today,
  };
}
