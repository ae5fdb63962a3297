import type { SessionUser } from "@/lib/auth/session-user";
import { formatMoney } from "@/lib/money/money";
import { customerReads } from "./request-scope";

/** The invoices that are open, each marked when a dispute holds it: the choices the payment, dispute and ledger forms offer. */
export async function loadOpenInvoices(user: SessionUser, customerId: string) {
  const reads = customerReads(user, customerId);
  const [account, collections] = await Promise.all([reads.account(), reads.collections()]);
  const disputed = new Set(collections.flatMap((c) => c.state.openDisputes.map((d) => d.invoiceId)));
  const openInvoices = account.invoices
    .filter((i) => i.open > 0)
    .map((i) => ({
      id: i.id,
      disputed: disputed.has(i.id),
      label: `${i.number} · ${formatMoney(i.open, i.currency, user.locale)} open${disputed.has(i.id) ? " · disputed" : ""}`,
    }));
  return { account, collections, disputed, openInvoices };
}
