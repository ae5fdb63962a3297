import { recordAudits } from "@/lib/audit/events";
import { uuid7 } from "@/lib/db/uuid";
import {
  type InvoiceFacts,
  invoiceChangeRefusal,
  invoiceHistory,
  isInvoiceChange,
} from "@/lib/ledger/invoice-change-rule";
import { recordPayments } from "@/lib/ledger/record-payments";
import { writeInvoices } from "@/lib/ledger/write-invoices";
import { formatMoney, minorToPlain, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { customerFinder } from "../find-customers";
import type { BatchContext, ImportKindHandler, MappedRow, RowProblem } from "../import-kind";
import {
  type InvoiceCandidate,
  lineItemAmount,
  mergeLine,
  readInvoiceRow,
  settledBeforeImportOn,
} from "../invoice-candidates";
import { addChange, type ImportChanges, noChanges } from "../invoice-changes";
import { invoiceKey } from "../invoice-identity";
import { type CreditNoteRow, type CreditNoteState, creditNotesKind } from "./credit-notes";

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
  /** The invoice is stored (a correction, or only an opening payment to record). */
  stored: boolean;
  /** What was paid before the import, per the file's amount still owed: recorded as a payment. */
  opening?: { amount: number; key: string; note: string; on: DateOnly };
}

/** A credit note found in the invoices file, imported through the credit notes kind (the ledger). */
interface CreditNoteInFile {
  creditNote: CreditNoteRow;
}

interface InvoiceState {
  keys: Map<string, number>;
  creditNotes: CreditNoteState;
  /** Credit-note rows of the file, checked after the invoices (they may name an invoice of this file). */
  pendingCreditNotes: MappedRow[];
  changes: ImportChanges;
  /** Line-item files: the invoices their lines add up to so far, by key. */
  merged: Map<string, InvoiceCandidate>;
}

const LINES_HINT =
  'if the file has one row per invoice line, tick "Add up the lines of each invoice" on this page and check again';

/**
 * Invoices, matched on their number within the issue year or within the
 * customer (the import's invoiceIdentity, invoice-identity.ts), never on the
 * bare number. New invoices are created; a stored invoice the file changes is
 * listed by the check (before and after), refused where it has payments,
 * letters or disputes and its customer or amount would change, and otherwise
 * written only once the user confirmed, each as an audited correction.
 * Line-item files (mergeLines) add their lines up per invoice; the sum is
 * checked against the invoice total when the file has one.
 */
export const invoicesKind: ImportKindHandler<InvoiceRow | CreditNoteInFile, InvoiceState> = {
  newState: () => ({
    keys: new Map(),
    creditNotes: { ...creditNotesKind.newState(), fileInvoices: new Map() },
    pendingCreditNotes: [],
    changes: noChanges(),
    merged: new Map(),
  }),
  changes: (state) => state.changes,

  async validate(tx, ctx, rows, state) {
    const customers = await customerFinder(tx, ctx.orgId, rows);
    const customerField = customers.key ?? "customerReference";
    const problems: RowProblem[] = [];
    const candidates: InvoiceCandidate[] = [];
    for (const row of rows) {
      const { check, candidate } = readInvoiceRow(row, customers.match(row), customerField, ctx.options);
      if (candidate?.creditNote) state.pendingCreditNotes.push(creditNoteRow(row, candidate, customerField));
      else if (candidate && ctx.options.mergeLines) {
        const first = state.merged.get(candidate.key);
        if (first) mergeLine(first, candidate);
        else state.merged.set(candidate.key, candidate);
      } else if (candidate) {
        const before = check.problems.length;
        check.unique("number", state.keys, candidate.key, `invoice number "${candidate.number}" ${candidate.what}`);
        // A file of invoice lines is a choice on the page: the duplicate says so.
        if (check.problems.length > before) check.problems[before].message += `; ${LINES_HINT}`;
        if (check.ok) candidates.push(candidate);
        if (check.ok && row.has("creditedInvoice")) rememberForCredit(state, candidate);
      }
      problems.push(...check.problems);
    }
    if (ctx.options.mergeLines) return { valid: [], problems };
    const resolved = await resolve(tx, ctx, candidates, state);
    return { valid: resolved.valid, problems: [...problems, ...resolved.problems] };
  },

  /** Line-item files: the merged invoices, checked against their totals and the stored invoices. */
  async finish(tx, ctx, state) {
    const all = [...state.merged.values()];
    const valid: (InvoiceRow | CreditNoteInFile)[] = [];
    const problems: RowProblem[] = [];
    for (const c of all) {
      const rows = c.lastLine > c.line ? `rows ${c.line}–${c.lastLine}` : `row ${c.line}`;
      const sum = lineItemAmount(c);
      const money = (minor: number) => formatMoney(minor, c.currency);
      if (!("amount" in sum)) {
        const withTax =
          sum.tax === undefined ? "" : ` plus ${money(sum.tax)} tax, ${money(sum.lines + sum.tax)} in all`;
        c.check.problem(
          "invoiceTotal",
          `the lines of invoice ${c.number} (${rows}) add up to ${money(sum.lines)}${withTax}, but its total is ${money(sum.total)}`,
        );
        continue;
      }
      c.amount = sum.amount;
      if (c.amount < 0)
        c.check.problem(
          "amount",
          `invoice ${c.number}'s lines (${rows}) add up to less than zero: it is a credit note, not a receivable; record it as a credit note on the customer's account`,
        );
      else if (c.amount === 0) c.check.problem("amount", `invoice ${c.number}'s lines (${rows}) add up to zero`);
    }
    for (let i = 0; i < all.length; i += 2000) {
      const batch = all.slice(i, i + 2000);
      problems.push(...batch.flatMap((c) => c.check.problems));
      const resolved = await resolve(
        tx,
        ctx,
        batch.filter((c) => c.check.ok),
        state,
      );
      valid.push(...resolved.valid);
      problems.push(...resolved.problems);
    }
    state.merged.clear();
    // Credit notes last: on import, the invoices they name are written by now.
    const notes = state.pendingCreditNotes.splice(0);
    for (let i = 0; i < notes.length; i += 2000) {
      // Checked as the credit notes import checks them; their cells are read already (ISO dates, plain amounts).
      const credited = await creditNotesKind.validate(
        tx,
        { ...ctx, options: { ...ctx.options, dateFormat: "iso", decimalSeparator: "." } },
        notes.slice(i, i + 2000),
        state.creditNotes,
      );
      valid.push(...credited.valid.map((creditNote) => ({ creditNote })));
      problems.push(...credited.problems);
    }
    return { valid, problems };
  },

  async write(tx, ctx, all) {
    const notes = await creditNotesKind.write(
      tx,
      ctx,
      all.flatMap((r) => ("creditNote" in r ? [r.creditNote] : [])),
    );
    const rows = all.filter((r): r is InvoiceRow => !("creditNote" in r));
    const created = rows.filter((r) => !r.stored);
    const corrected = rows.filter((r) => r.correction);
    const facts = (r: InvoiceRow) => ({
      id: r.id,
      customerId: r.customer_id,
      issueDate: r.issue_date,
      dueDate: r.due_date,
      amountMinor: r.amount_minor,
      currency: r.currency,
    });
    // The ledger's batch invoice writer; a stored invoice's KID stays as it is.
    await writeInvoices(tx, {
      orgId: ctx.orgId,
      create: created.map((r) => ({ ...facts(r), number: r.number })),
      correct: corrected.map(facts),
    });
    if (corrected.length)
      await recordAudits(
        tx,
        ctx,
        corrected.map((r) => ({
          kind: "invoice.corrected" as const,
          payload: { importId: ctx.importId, invoiceId: r.id, number: r.number, ...r.correction! },
        })),
      );
    const opening = rows.filter((r) => r.opening);
    if (opening.length)
      // The ledger's one payment writer; the paid_minor trigger adds each to its invoice. The key
      // makes a re-import add nothing, and a stored one is kept as it was (the import.committed record covers the rows).
      await recordPayments(tx, {
        orgId: ctx.orgId,
        actor: { userId: ctx.userId },
        source: "before_import",
        audit: false,
        storedImportKey: "keep",
        payments: opening.map((r) => ({
          allocate: "given",
          invoiceId: r.id,
          customerId: r.customer_id,
          currency: r.currency,
          amountMinor: r.opening!.amount,
          receivedOn: r.opening!.on,
          method: "paid before import",
          reference: r.opening!.note,
          importKey: r.opening!.key,
        })),
      });
    return { created: created.length + notes.created, updated: rows.length - created.length };
  },
};

/** An invoice of this file a credit note of the file may name (kept only when the file has that column). */
function rememberForCredit(state: InvoiceState, c: InvoiceCandidate): void {
  const invoices = state.creditNotes.fileInvoices!;
  invoices.set(c.number, [
    ...(invoices.get(c.number) ?? []),
    {
      id: `file:${c.line}`,
      number: c.number,
      customerId: c.customer.id,
      currency: c.currency,
      amountMinor: BigInt(c.amount),
      paidMinor: BigInt(c.open === undefined ? 0 : c.amount - c.open),
      issueDate: dateOnlyToDb(c.issueDate),
    },
  ]);
}

/**
 * A credit-note row of an invoices file as a row of a credit notes file: its own
 * number, the customer found, the amount it credits and its date, already read;
 * the invoice it credits when the file names one. Problems name the file's columns.
 */
function creditNoteRow(row: MappedRow, c: InvoiceCandidate, customerField: string): MappedRow {
  const values: Record<string, string> = {
    number: c.number,
    invoiceNumber: row.value("creditedInvoice"),
    customerReference: c.customer.reference,
    amount: minorToPlain(c.amount, c.currency),
    issuedOn: c.issueDate,
    currency: c.currency,
    reason: `Credit note in the invoices file (${c.creditNote})`,
  };
  const columns: Record<string, string> = {
    number: "number",
    invoiceNumber: "creditedInvoice",
    customerReference: customerField,
    amount: "amount",
    issuedOn: "issueDate",
    currency: "currency",
  };
  return {
    line: row.line,
    value: (field) => values[field] ?? "",
    column: (field) => row.column(columns[field] ?? "number"),
    has: (field) => field in values,
  };
}

interface StoredInvoice {
  id: string;
  number: string;
  customerId: string;
  paid: number;
  facts: InvoiceFacts;
}

/** Stored invoices with these numbers, by the key the import matches on. */
async function storedInvoices(tx: Parameters<typeof invoiceHistory>[0], ctx: BatchContext, numbers: string[]) {
  const existing = await tx.invoice.findMany({
    where: { orgId: ctx.orgId, number: { in: numbers } },
    select: {
      id: true,
      number: true,
      customerId: true,
      issueDate: true,
      dueDate: true,
      currency: true,
      amountMinor: true,
      paidMinor: true,
      customer: { select: { reference: true } },
    },
  });
  const stored = new Map<string, StoredInvoice[]>();
  for (const i of existing) {
    const facts: InvoiceFacts = {
      customer: i.customer.reference,
      issueDate: dateOnlyFromDb(i.issueDate),
      dueDate: dateOnlyFromDb(i.dueDate),
      amountMinor: toMinor(i.amountMinor),
      currency: i.currency,
    };
    const key = invoiceKey(ctx.options.invoiceIdentity, { ...i, issueDate: facts.issueDate });
    const entry = { id: i.id, number: i.number, customerId: i.customerId, paid: toMinor(i.paidMinor), facts };
    stored.set(key, [...(stored.get(key) ?? []), entry]);
  }
  return stored;
}

/**
 * Candidates against the stored invoices: new ones are created; a match that
 * differs is a change (counted and listed; refused for its customer or amount
 * where payments, letters or disputes rest on it); the amount still owed
 * becomes a payment of what was paid before.
 */
async function resolve(
  tx: Parameters<typeof invoiceHistory>[0],
  ctx: BatchContext,
  candidates: InvoiceCandidate[],
  state: InvoiceState,
): Promise<{ valid: InvoiceRow[]; problems: RowProblem[] }> {
  const stored = await storedInvoices(tx, ctx, [...new Set(candidates.map((c) => c.number))]);
  const matched = candidates.map((c) => {
    const matches = stored.get(c.key) ?? [];
    if (matches.length > 1) {
      c.check.problem(
        "number",
        `invoice "${c.number}" ${c.what} matches ${matches.length} stored invoices (customers ${matches.map((m) => m.facts.customer).join(", ")}); choose "number and customer match" on this page`,
      );
    }
    const match = matches.length === 1 ? matches[0] : undefined;
    const after: InvoiceFacts = {
      customer: c.customer.reference,
      issueDate: c.issueDate,
      dueDate: c.dueDate,
      amountMinor: c.amount,
      currency: c.currency,
    };
    const changed = match && isInvoiceChange(match.facts, after);
    return { c, match, after, changed };
  });
  const history = await invoiceHistory(
    tx,
    ctx.orgId,
    matched.flatMap((m) => (m.changed ? [m.match!.id] : [])),
  );
  const valid: InvoiceRow[] = [];
  const problems: RowProblem[] = [];
  for (const { c, match, after, changed } of matched) {
    if (match && changed) {
      const refusal = invoiceChangeRefusal({
        number: c.number,
        before: match.facts,
        after,
        history: history.get(match.id) ?? [],
        by: "an import",
        hint: "If this row is another invoice, check its issue date; if the invoice was reduced, record a credit note",
      });
      if (refusal) c.check.problem(refusal.field, refusal.message);
    }
    const opening = openingPayment(c, match, ctx);
    problems.push(...c.check.problems);
    if (!c.check.ok || (match && !changed && !opening)) continue; // stored and unchanged: nothing to write
    const row: InvoiceRow = {
      id: match?.id ?? uuid7(),
      customer_id: c.customer.id,
      number: c.number,
      issue_date: c.issueDate,
      due_date: c.dueDate,
      amount_minor: c.amount,
      currency: c.currency,
      correction: match && changed ? { line: c.line, before: match.facts, after } : undefined,
      stored: Boolean(match),
      opening,
    };
    if (row.correction) addChange(state.changes, { number: c.number, ...row.correction });
    valid.push(row);
  }
  return { valid, problems };
}

/**
 * The payment that brings an invoice to the amount the file says is still owed, or a
 * problem when it cannot. It is dated when the file says the invoice was paid (its
 * paid-on column), else on the due date, or today when the invoice is not due yet:
 * never later than the invoice's own data allows, so no interest or overdue days are
 * counted on money that was in before the due date, and the import's day is not made
 * a day of collection.
 */
function openingPayment(c: InvoiceCandidate, match: StoredInvoice | undefined, ctx: BatchContext) {
  if (c.open === undefined) return undefined;
  const money = (minor: number) => formatMoney(minor, c.currency);
  if (c.open > c.amount) {
    c.check.problem("openAmount", `${money(c.open)} still owed is more than the invoice's ${money(c.amount)}`);
    return undefined;
  }
  const paidPerFile = c.amount - c.open;
  const delta = paidPerFile - (match?.paid ?? 0);
  if (delta < 0) {
    c.check.problem(
      "openAmount",
      `the file says ${money(c.open)} is still owed, but ${money(match!.paid)} is recorded as paid, which leaves ${money(c.amount - match!.paid)}; import the payments instead`,
    );
    return undefined;
  }
  if (delta === 0) return undefined;
  if (c.paidOn && c.paidOn > ctx.today) {
    c.check.problem("paidOn", `the invoice is paid on ${c.paidOn}, after today (${ctx.today})`);
    return undefined;
  }
  return {
    amount: delta,
    on: settledBeforeImportOn(c, ctx.today),
    key: `opening:${match?.id ?? c.number}:${c.issueDate}:${paidPerFile}`,
    note: `Paid before the import of ${ctx.today}: the file said ${money(c.open)} of ${money(c.amount)} was still owed`,
  };
}
