import { recordAudits } from "@/lib/audit/events";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { customerFinder } from "../find-customers";
import { CURRENCY, type ImportKindHandler, RowChecker } from "../import-kind";
import {
  addChange,
  changedFacts,
  type ImportChanges,
  type InvoiceFacts,
  invoiceHistory,
  noChanges,
} from "../invoice-changes";
import { invoiceKey, issueYear } from "../invoice-identity";
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
  /** Set when the row changes a stored invoice: what the check listed, audited on write. */
  correction?: { line: number; before: InvoiceFacts; after: InvoiceFacts };
}

interface InvoiceState {
  keys: Map<string, number>;
  changes: ImportChanges;
}

interface StoredInvoice {
  id: string;
  number: string;
  customerId: string;
  facts: InvoiceFacts;
}

/**
 * Invoices, matched on their number within the issue year or within the
 * customer (the import's invoiceIdentity, invoice-identity.ts), never on the
 * bare number. New invoices are created; a stored invoice the file changes is
 * listed by the check (before and after), refused where it has payments,
 * letters or disputes and its customer or amount would change, and otherwise
 * written only once the user confirmed, each as an audited correction.
 */
export const invoicesKind: ImportKindHandler<InvoiceRow, InvoiceState> = {
  newState: () => ({ keys: new Map(), changes: noChanges() }),
  changes: (state) => state.changes,

  async validate(tx, { orgId, options }, rows, state) {
    const identity = options.invoiceIdentity;
    const numbers = [...new Set(rows.map((r) => r.value("number")).filter(Boolean))];
    const [customers, existing] = await Promise.all([
      customerFinder(tx, orgId, rows),
      tx.invoice.findMany({
        where: { orgId, number: { in: numbers } },
        select: {
          id: true,
          number: true,
          customerId: true,
          issueDate: true,
          dueDate: true,
          currency: true,
          amountMinor: true,
          customer: { select: { reference: true } },
        },
      }),
    ]);
    const stored = new Map<string, StoredInvoice[]>();
    for (const i of existing) {
      const facts: InvoiceFacts = {
        customer: i.customer.reference,
        issueDate: dateOnlyFromDb(i.issueDate),
        dueDate: dateOnlyFromDb(i.dueDate),
        amountMinor: toMinor(i.amountMinor),
        currency: i.currency,
      };
      const key = invoiceKey(identity, { number: i.number, issueDate: facts.issueDate, customerId: i.customerId });
      stored.set(key, [...(stored.get(key) ?? []), { id: i.id, number: i.number, customerId: i.customerId, facts }]);
    }

    const checked: { check: RowChecker; row: InvoiceRow | null; match?: StoredInvoice }[] = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      const number = check.required("number", "The invoice number");
      const found = customers.match(row);
      if (!found) check.problem(customers.key ?? "customerReference", "The customer is missing");
      else if ("problem" in found) check.problem(customers.key!, found.problem);
      const customer = found && "customer" in found ? found.customer : undefined;
      const issueDate = check.parsed("issueDate", parseImportDate(row.value("issueDate"), options.dateFormat));
      const dueDate = check.parsed("dueDate", parseImportDate(row.value("dueDate"), options.dateFormat));
      if (issueDate && dueDate && dueDate < issueDate)
        check.problem("dueDate", `the due date ${dueDate} is before the issue date ${issueDate}`);
      const currency = (row.value("currency") || customer?.currency || "").toUpperCase();
      if (row.has("currency") && row.value("currency") && !CURRENCY.test(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
      const amount = CURRENCY.test(currency)
        ? check.parsed("amount", parseImportAmount(row.value("amount"), currency, options.decimalSeparator))
        : undefined;
      if (amount !== undefined && amount <= 0) check.problem("amount", "an invoice amount must be more than zero");
      if (!(number && customer && issueDate && dueDate && amount !== undefined && check.ok)) {
        checked.push({ check, row: null });
        continue;
      }
      const key = invoiceKey(identity, { number, issueDate, customerId: customer.id });
      const what = identity === "year" ? `of ${issueYear(issueDate)}` : `of customer ${customer.reference}`;
      check.unique("number", state.keys, key, `invoice number "${number}" ${what}`);
      const matches = stored.get(key) ?? [];
      if (matches.length > 1) {
        check.problem(
          "number",
          `invoice "${number}" ${what} matches ${matches.length} stored invoices (customers ${matches.map((m) => m.facts.customer).join(", ")}); choose "unique within each customer" on this page`,
        );
      }
      const match = matches.length === 1 ? matches[0] : undefined;
      const after: InvoiceFacts = { customer: customer.reference, issueDate, dueDate, amountMinor: amount, currency };
      checked.push({
        check,
        match,
        row: {
          id: match?.id ?? uuid7(),
          customer_id: customer.id,
          number,
          issue_date: issueDate,
          due_date: dueDate,
          amount_minor: amount,
          currency,
          correction: match ? { line: row.line, before: match.facts, after } : undefined,
        },
      });
    }

    // Stored invoices the file would change: moving one or changing its amount
    // is refused where payments, letters or disputes rest on it.
    const changing = checked.filter((c) => c.row?.correction && isChange(c.row.correction));
    const history = await invoiceHistory(
      tx,
      orgId,
      changing.map((c) => c.match!.id),
    );
    const valid: InvoiceRow[] = [];
    const problems = [];
    for (const { check, row, match } of checked) {
      if (row?.correction && !isChange(row.correction)) {
        problems.push(...check.problems); // stored and unchanged: nothing to write
        continue;
      }
      if (row?.correction && match) {
        const { before, after } = row.correction;
        const what = changedFacts(before, after);
        const rests = history.get(match.id) ?? [];
        if (rests.length && (what.amount || what.customer)) {
          const change = what.customer
            ? `move from customer ${before.customer} to ${after.customer}`
            : `change from ${formatMoney(before.amountMinor, before.currency)} to ${formatMoney(after.amountMinor, after.currency)}`;
          check.problem(
            what.customer ? (customers.key ?? "number") : "amount",
            `invoice ${row.number} of ${before.issueDate} has ${rests.join(" and ")}: it cannot ${change} by an import. If this row is another invoice, check its issue date; if the invoice was reduced, record a credit note`,
          );
        }
      }
      problems.push(...check.problems);
      if (row && check.ok) {
        if (row.correction) addChange(state.changes, { number: row.number, ...row.correction });
        valid.push(row);
      }
    }
    return { valid, problems };
  },

  async write(tx, ctx, rows) {
    const created = rows.filter((r) => !r.correction);
    const corrected = rows.filter((r) => r.correction);
    if (created.length) {
      // The unique index invoices_identity refuses an invoice a concurrent import created meanwhile.
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO invoices (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency)
        SELECT r.id, ${ctx.orgId}::uuid, r.customer_id, r.number, r.issue_date, r.due_date, r.amount_minor, r.currency
        FROM jsonb_to_recordset(${JSON.stringify(created)}::jsonb)
          AS r(id uuid, customer_id uuid, number text, issue_date date, due_date date, amount_minor bigint, currency text)`);
    }
    if (corrected.length) {
      await tx.$executeRaw(Prisma.sql`
        UPDATE invoices AS i SET customer_id = r.customer_id, issue_date = r.issue_date, due_date = r.due_date,
          amount_minor = r.amount_minor, currency = r.currency
        FROM jsonb_to_recordset(${JSON.stringify(corrected.map(({ correction: _, ...r }) => r))}::jsonb)
          AS r(id uuid, customer_id uuid, issue_date date, due_date date, amount_minor bigint, currency text)
        WHERE i.id = r.id AND i.org_id = ${ctx.orgId}::uuid`);
      await recordAudits(
        tx,
        ctx,
        corrected.map((r) => ({
          kind: "invoice.corrected" as const,
          payload: { importId: ctx.importId, invoiceId: r.id, number: r.number, ...r.correction! },
        })),
      );
    }
    return { created: created.length, updated: corrected.length };
  },
};

function isChange(c: { before: InvoiceFacts; after: InvoiceFacts }): boolean {
  const what = changedFacts(c.before, c.after);
  return what.amount || what.customer || what.dates;
}
