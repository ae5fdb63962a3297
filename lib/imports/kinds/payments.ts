import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { CURRENCY, countUpserts, type ImportKindHandler, RowChecker } from "../import-kind";
import { parseImportAmount, parseImportDate } from "../parse-values";
import { uuid7 } from "../uuid7";

interface PaymentRow {
  id: string;
  import_key: string;
  invoice_id: string;
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
    const invoices = await tx.invoice.findMany({
      where: { orgId, number: { in: numbers } },
      select: {
        id: true,
        number: true,
        issueDate: true,
        customerId: true,
        currency: true,
        amountMinor: true,
        paidMinor: true,
      },
    });
    const invoicesByNumber = new Map<string, typeof invoices>();
    for (const i of invoices) invoicesByNumber.set(i.number, [...(invoicesByNumber.get(i.number) ?? []), i]);
    const invoiceById = new Map(invoices.map((i) => [i.id, i]));
    const checked: { check: RowChecker; row: PaymentRow | null }[] = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      const number = check.required("invoiceNumber", "The invoice number");
      // Numbers restart every year: the invoice date (when mapped) tells two years' invoice 1 apart.
      const invoiceDate = row.value("invoiceDate")
        ? check.parsed("invoiceDate", parseImportDate(row.value("invoiceDate"), options.dateFormat))
        : undefined;
      const candidates = (invoicesByNumber.get(number) ?? []).filter(
        (i) => !invoiceDate || dateOnlyFromDb(i.issueDate) === invoiceDate,
      );
      const invoice = candidates.length === 1 ? candidates[0] : undefined;
      if (number && !candidates.length)
        check.problem(
          "invoiceNumber",
          invoiceDate
            ? `unknown invoice "${number}" of ${invoiceDate}: import invoices first`
            : `unknown invoice "${number}": import invoices first`,
        );
      else if (candidates.length > 1)
        check.problem(
          "invoiceNumber",
          `invoice number "${number}" names ${candidates.length} invoices (issued ${candidates
            .map((i) => dateOnlyFromDb(i.issueDate))
            .sort()
            .join(", ")}); choose the invoice date column on this page to tell them apart`,
        );
      const currency = (row.value("currency") || invoice?.currency || "").toUpperCase();
      if (row.value("currency") && !CURRENCY.test(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
      else if (invoice && currency !== invoice.currency)
        check.problem("currency", `the invoice is in ${invoice.currency}, not ${currency}`);
      const amount = invoice
        ? check.parsed("amount", parseImportAmount(row.value("amount"), invoice.currency, options.decimalSeparator))
        : undefined;
      if (amount === 0) check.problem("amount", "a payment amount cannot be zero");
      const receivedOn = check.parsed("receivedOn", parseImportDate(row.value("receivedOn"), options.dateFormat));
      const reference = row.value("reference");
      let key = "";
      if (!invoice) {
        // no key without an invoice: the row is a problem already
      } else if (reference) key = `ref:${invoice.id}:${reference}`;
      else if (amount !== undefined && receivedOn) {
        const base = `row:${invoice.id}|${receivedOn}|${amount}`;
        const n = (state.occurrences.get(base) ?? 0) + 1;
        state.occurrences.set(base, n);
        key = `${base}#${n}`;
      }
      check.unique("reference", state.keys, key, `payment reference "${reference}" for invoice ${number}`);
      const ok = check.ok && invoice && amount !== undefined && receivedOn;
      checked.push({
        check,
        row: ok
          ? {
              id: uuid7(),
              import_key: key,
              invoice_id: invoice.id,
              customer_id: invoice.customerId,
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
      if (row) {
        const invoice = invoiceById.get(row.invoice_id)!;
        const amount = toMinor(invoice.amountMinor);
        const paid =
          (state.paid.get(row.invoice_id) ?? toMinor(invoice.paidMinor)) +
          row.amount_minor -
          (storedAmount.get(row.import_key) ?? 0);
        if (paid > amount) {
          check.problem(
            "amount",
            `payments would exceed the invoice: ${formatMoney(paid, row.currency)} paid of ${formatMoney(amount, row.currency)}`,
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
