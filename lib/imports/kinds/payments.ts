import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import {
  CURRENCY,
  countUpserts,
  type ImportKindHandler,
  invoicesNamed,
  namedInvoice,
  RowChecker,
  rememberedInvoiceIdentity,
} from "../import-kind";
import { parseImportAmount, parseImportDate } from "../parse-values";
import { uuid7 } from "../uuid7";

interface PaymentRow {
  id: string;
  import_key: string;
  /** NULL: unapplied cash on the customer's account (the row named a customer, no invoice). */
  invoice_id: string | null;
  customer_id: string;
  amount_minor: number;
  currency: string;
  received_on: DateOnly;
  method: string | null;
  reference: string;
}

interface PaymentState {
  /** Import keys seen in the file, with their row. */
  keys: Map<string, number>;
  /** How often a payment without reference (invoice, date, amount) occurred so far. */
  occurrences: Map<string, number>;
  /** Paid sum per invoice id after the rows so far, to name the row that would overpay. */
  paid: Map<string, number>;
}

/**
 * Payments, one row each. The import key makes re-importing harmless (a unique
 * constraint per organization): "ref:<invoice id>:<payment reference>", or without
 * a reference "row:<invoice id>|<date>|<amount>#<n>" where n counts identical rows,
 * so two equal payments in one file stay two payments.
 */
export const paymentsKind: ImportKindHandler<PaymentRow, PaymentState> = {
  newState: () => ({ keys: new Map(), occurrences: new Map(), paid: new Map() }),

  async validate(tx, { orgId, options }, rows, state) {
    const numbers = [...new Set(rows.map((r) => r.value("invoiceNumber")).filter(Boolean))];
    const { invoicesByNumber, invoiceById } = await invoicesNamed(tx, orgId, numbers);
    const identity = await rememberedInvoiceIdentity(tx, orgId);
    const refs = [...new Set(rows.map((r) => r.value("customerReference")).filter(Boolean))];
    const customers = await tx.customer.findMany({
      where: { orgId, reference: { in: refs } },
      select: { id: true, reference: true, currency: true },
    });
    const customerByRef = new Map(customers.map((c) => [c.reference, c]));
    const checked: { check: RowChecker; row: PaymentRow | null }[] = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      // A row naming no invoice but a customer is unapplied cash on that customer's account.
      const ref = row.value("customerReference");
      const number = ref ? row.value("invoiceNumber") : check.required("invoiceNumber", "The invoice number");
      const customer = ref ? customerByRef.get(ref) : undefined;
      if (ref && !customer) check.problem("customerReference", `unknown customer "${ref}"`);
      const invoice = namedInvoice(check, row, invoicesByNumber, {
        identity,
        dateFormat: options.dateFormat,
        customer,
      });
      const currency = (row.value("currency") || invoice?.currency || customer?.currency || "").toUpperCase();
      if (row.value("currency") && !CURRENCY.test(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
      else if (invoice && currency !== invoice.currency)
        check.problem("currency", `the invoice is in ${invoice.currency}, not ${currency}`);
      const amount =
        invoice || (customer && CURRENCY.test(currency))
          ? check.parsed("amount", parseImportAmount(row.value("amount"), currency, options.decimalSeparator))
          : undefined;
      if (amount === 0) check.problem("amount", "a payment amount cannot be zero");
      if (amount !== undefined && amount < 0 && !invoice)
        check.problem("amount", "a refund must name the invoice it refunds");
      const receivedOn = check.parsed("receivedOn", parseImportDate(row.value("receivedOn"), options.dateFormat));
      if (receivedOn && invoice && receivedOn < dateOnlyFromDb(invoice.issueDate))
        check.problem("receivedOn", `before invoice ${number}'s issue date ${dateOnlyFromDb(invoice.issueDate)}`);
      const reference = row.value("reference");
      // The key names the invoice by id (a number names several invoices where numbering restarts).
      const target = invoice ? invoice.id : number ? "" : `@${ref}`;
      let key = "";
      if (!target) {
        // no key without the invoice: the row is a problem already
      } else if (reference) key = `ref:${target}:${reference}`;
      else if (amount !== undefined && receivedOn) {
        const base = `row:${target}|${receivedOn}|${amount}`;
        const n = (state.occurrences.get(base) ?? 0) + 1;
        state.occurrences.set(base, n);
        key = `${base}#${n}`;
      }
      check.unique("reference", state.keys, key, `payment reference "${reference}" for invoice ${number}`);
      const customerId = invoice?.customerId ?? customer?.id;
      const ok = check.ok && customerId && amount !== undefined && receivedOn;
      checked.push({
        check,
        row: ok
          ? {
              id: uuid7(),
              import_key: key,
              invoice_id: invoice?.id ?? null,
              customer_id: customerId,
              amount_minor: amount,
              currency,
              received_on: receivedOn,
              method: row.has("method") ? row.value("method") || "bank transfer" : null,
              reference,
            }
          : null,
      });
    }
    // A re-imported payment replaces its earlier amount rather than adding to it.
    const keys = checked.flatMap((c) => (c.row ? [c.row.import_key] : []));
    const stored = await tx.payment.findMany({
      where: { orgId, importKey: { in: keys } },
      select: { importKey: true, amountMinor: true },
    });
    const storedAmount = new Map(stored.map((p) => [p.importKey!, toMinor(p.amountMinor)]));
    const valid: PaymentRow[] = [];
    const problems = [];
    for (const { check, row } of checked) {
      if (row && !row.invoice_id) valid.push(row);
      else if (row?.invoice_id) {
        const invoice = invoiceById.get(row.invoice_id)!;
        const amount = toMinor(invoice.amountMinor);
        const paid =
          (state.paid.get(row.invoice_id) ?? toMinor(invoice.paidMinor)) +
          row.amount_minor -
          (storedAmount.get(row.import_key) ?? 0);
        if (paid > amount) {
          check.problem(
            "amount",
            `payments would exceed the invoice: ${formatMoney(paid, row.currency)} paid of ${formatMoney(amount, row.currency)}; to keep the excess as unapplied cash, give it its own row with the customer reference and no invoice number`,
          );
        } else if (paid < 0) {
          check.problem("amount", "refunds would exceed what was paid on the invoice");
        } else {
          state.paid.set(row.invoice_id, paid);
          valid.push(row);
        }
      }
      problems.push(...check.problems);
    }
    return { valid, problems };
  },

  async write(tx, { orgId }, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    // The paid_minor trigger adds, or on update corrects, each invoice's paid sum.
    const returned = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
      INSERT INTO payments AS p (id, org_id, customer_id, invoice_id, amount_minor, currency, received_on, method, reference, import_key)
      SELECT r.id, ${orgId}::uuid, r.customer_id, r.invoice_id, r.amount_minor, r.currency, r.received_on,
        COALESCE(r.method, 'bank transfer'), r.reference, r.import_key
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(id uuid, import_key text, invoice_id uuid, customer_id uuid, amount_minor bigint, currency text, received_on date, method text, reference text)
      ON CONFLICT (org_id, import_key) DO UPDATE SET
        amount_minor = EXCLUDED.amount_minor, received_on = EXCLUDED.received_on, method = EXCLUDED.method
      WHERE (p.amount_minor, p.received_on, p.method) IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.received_on, EXCLUDED.method)
      RETURNING (xmax = 0) AS inserted`);
    return countUpserts(returned);
  },
};
