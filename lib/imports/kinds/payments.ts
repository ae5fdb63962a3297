import { recordPayments } from "@/lib/ledger/record-payments";
import { formatMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import {
  CURRENCY,
  type ImportKindHandler,
  invoicesNamed,
  namedInvoice,
  RowChecker,
  rememberedInvoiceIdentity,
} from "../import-kind";
import { parseImportAmount, parseImportDate } from "../parse-values";

interface PaymentRow {
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

  async write(tx, { orgId, userId }, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    // The ledger's one payment writer; the import's own audit record (import.committed) covers the rows.
    const { created, updated } = await recordPayments(tx, {
      orgId,
      actor: { userId },
      source: "import",
      audit: false,
      payments: rows.map((r) => ({
        allocate: "given",
        invoiceId: r.invoice_id,
        customerId: r.customer_id,
        currency: r.currency,
        amountMinor: r.amount_minor,
        receivedOn: r.received_on,
        method: r.method ?? undefined,
        reference: r.reference,
        importKey: r.import_key,
      })),
    });
    return { created, updated };
  },
};
