import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney, toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { CURRENCY, countUpserts, type ImportKindHandler, RowChecker } from "../import-kind";
import { parseImportAmount, parseImportDate } from "../parse-values";
import { uuid7 } from "../uuid7";

interface InvoiceRow {
  id: string;
  customer_id: string;
  number: string;
  issue_date: DateOnly;
  due_date: DateOnly;
  amount_minor: number;
  currency: string;
}

/** Invoices, matched by number: new numbers are created, changed amounts, dates or customers updated in place. */
export const invoicesKind: ImportKindHandler<InvoiceRow, { numbers: Map<string, number> }> = {
  newState: () => ({ numbers: new Map() }),

  async validate(tx, { orgId, options }, rows, state) {
    const refs = [...new Set(rows.map((r) => r.value("customerReference")).filter(Boolean))];
    const numbers = [...new Set(rows.map((r) => r.value("number")).filter(Boolean))];
    const [customers, existing] = await Promise.all([
      tx.customer.findMany({
        where: { orgId, reference: { in: refs } },
        select: { id: true, reference: true, currency: true },
      }),
      tx.invoice.findMany({
        where: { orgId, number: { in: numbers } },
        select: { id: true, number: true, customerId: true, currency: true, amountMinor: true, paidMinor: true },
      }),
    ]);
    const customerByRef = new Map(customers.map((c) => [c.reference, c]));
    const invoiceByNumber = new Map(existing.map((i) => [i.number, i]));
    const valid: InvoiceRow[] = [];
    const problems = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      const number = check.required("number", "The invoice number");
      check.unique("number", state.numbers, number, `invoice number "${number}"`);
      const ref = check.required("customerReference", "The customer reference");
      const customer = ref ? customerByRef.get(ref) : undefined;
      if (ref && !customer)
        check.problem(
          "customerReference",
          `unknown customer "${ref}": no customer has this reference; import customers first`,
        );
      const issueDate = check.parsed("issueDate", parseImportDate(row.value("issueDate"), options.dateFormat));
      const dueDate = check.parsed("dueDate", parseImportDate(row.value("dueDate"), options.dateFormat));
      if (issueDate && dueDate && dueDate < issueDate)
        check.problem("dueDate", `the due date ${dueDate} is before the issue date ${issueDate}`);
      const currency = (row.value("currency") || customer?.currency || "").toUpperCase();
      if (row.has("currency") && !CURRENCY.test(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
      const amount = CURRENCY.test(currency)
        ? check.parsed("amount", parseImportAmount(row.value("amount"), currency, options.decimalSeparator))
        : undefined;
      if (amount !== undefined && amount <= 0) check.problem("amount", "an invoice amount must be more than zero");
      const stored = invoiceByNumber.get(number);
      if (stored && customer && amount !== undefined) {
        const paid = toMinor(stored.paidMinor);
        if (paid > 0 && amount < paid) {
          check.problem(
            "amount",
            `${formatMoney(amount, currency)} is less than the ${formatMoney(paid, stored.currency)} already paid on this invoice`,
          );
        }
        if (paid !== 0 && stored.currency !== currency)
          check.problem("currency", `the invoice has payments in ${stored.currency}; its currency cannot change`);
        if (paid !== 0 && stored.customerId !== customer.id)
          check.problem("customerReference", "the invoice has payments; it cannot move to another customer");
      }
      problems.push(...check.problems);
      if (check.ok && customer && issueDate && dueDate && amount !== undefined) {
        valid.push({
          id: stored?.id ?? uuid7(),
          customer_id: customer.id,
          number,
          issue_date: issueDate,
          due_date: dueDate,
          amount_minor: amount,
          currency,
        });
      }
    }
    return { valid, problems };
  },

  async write(tx, orgId, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    const returned = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
      INSERT INTO invoices AS i (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency)
      SELECT r.id, ${orgId}::uuid, r.customer_id, r.number, r.issue_date, r.due_date, r.amount_minor, r.currency
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r(id uuid, customer_id uuid, number text, issue_date date, due_date date, amount_minor bigint, currency text)
      ON CONFLICT (org_id, number) DO UPDATE SET
        customer_id = EXCLUDED.customer_id, issue_date = EXCLUDED.issue_date, due_date = EXCLUDED.due_date,
        amount_minor = EXCLUDED.amount_minor, currency = EXCLUDED.currency
      WHERE (i.customer_id, i.issue_date, i.due_date, i.amount_minor, i.currency)
        IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.issue_date, EXCLUDED.due_date, EXCLUDED.amount_minor, EXCLUDED.currency)
      RETURNING (xmax = 0) AS inserted`);
    return countUpserts(returned);
  },
};
