import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { invoiceKey, type MatchData, nameKey, type OpenInvoiceForMatch } from "./match-line";

/**
 * What matching a statement reads, once per statement: the organization's open
 * invoices (by KID, by number, by customer), the payer accounts earlier bank
 * lines were recorded for, and the customers' names.
 */
export async function loadMatchData(tx: DbOrTx, orgId: string): Promise<MatchData> {
  const invoices = await tx.$queryRaw<
    {
      id: string;
      number: string;
      customer_id: string;
      currency: string;
      open: bigint;
      kid: string | null;
      rf_reference: string | null;
    }[]
  >`
    SELECT id, number, customer_id, currency, amount_minor - paid_minor AS open, kid, rf_reference
    FROM invoices WHERE org_id = ${orgId}::uuid AND paid_minor < amount_minor
    ORDER BY due_date, issue_date, number`;
  const data: MatchData = {
    byKid: new Map(),
    byRfReference: new Map(),
    byNumber: new Map(),
    byCustomer: new Map(),
    customerByAccount: new Map(),
    customersByName: new Map(),
  };
  for (const row of invoices) {
    const invoice: OpenInvoiceForMatch = {
      id: row.id,
      number: row.number,
      customerId: row.customer_id,
      currency: row.currency.trim(),
      openMinor: toMinor(row.open),
      kid: row.kid,
    };
    if (invoice.kid) data.byKid.set(invoice.kid, invoice);
    if (row.rf_reference) data.byRfReference.set(row.rf_reference, invoice);
    const key = invoiceKey(invoice.number);
    data.byNumber.set(key, [...(data.byNumber.get(key) ?? []), invoice]);
    const own = data.byCustomer.get(invoice.customerId);
    if (own) own.push(invoice);
    else data.byCustomer.set(invoice.customerId, [invoice]);
  }
  const payers = await tx.$queryRaw<{ payer_account: string; customer_id: string }[]>`
    SELECT DISTINCT ON (payer_account) payer_account, customer_id FROM bank_lines
    WHERE org_id = ${orgId}::uuid AND customer_id IS NOT NULL AND payer_account <> '' AND status IN ('matched', 'resolved')
    ORDER BY payer_account, booking_date DESC`;
  for (const p of payers) data.customerByAccount.set(p.payer_account.replace(/\s+/g, ""), p.customer_id);
  const customers = await tx.customer.findMany({ where: { orgId }, select: { id: true, name: true } });
  for (const c of customers) {
    const key = nameKey(c.name);
    if (key) data.customersByName.set(key, [...(data.customersByName.get(key) ?? []), c.id]);
  }
  return data;
}
