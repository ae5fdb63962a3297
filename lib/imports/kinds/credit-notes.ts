import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid";
import { AppError } from "@/lib/errors/app-error";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { formatMoney, isKnownCurrency, toMinor } from "@/lib/money/money";
import { clockNow, type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import {
  type ImportKindHandler,
  invoicesNamed,
  namedInvoice,
  RowChecker,
  rememberedInvoiceIdentity,
  type WriteContext,
} from "../import-kind";
import { parseImportAmount, parseImportDate } from "../parse-values";

export interface CreditNoteRow {
  id: string;
  import_key: string;
  number: string;
  customer_id: string;
  invoice_id: string | null;
  currency: string;
  amount_minor: number;
  effective_on: DateOnly;
  reason: string;
}

/** An invoice as a credit note checks against it. */
export interface CreditedInvoice {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  amountMinor: bigint;
  paidMinor: bigint;
  issueDate: Date;
}

export interface CreditNoteState {
  numbers: Map<string, number>;
  /**
   * Invoices files: the file's own invoices by number, so that a credit note can
   * name an invoice the same file brings (not stored yet while the file is checked).
   */
  fileInvoices?: Map<string, CreditedInvoice[]>;
  /** Credited sum per invoice id after the rows so far, to name the row that would over-credit. */
  credited: Map<string, number>;
}

/**
 * Credit notes, matched by their number like invoices: a new number is a new
 * ledger entry (CREDIT_NOTE) on the invoice it names, or, naming only a
 * customer, a credit on that customer's account. The ledger is append-only, so
 * a number already imported is left as it is when the row is the same, and
 * refused when it differs (a correction is a new credit note). A credit note
 * dated after today is refused: import it on its date.
 */
export const creditNotesKind: ImportKindHandler<CreditNoteRow, CreditNoteState> = {
  newState: () => ({ numbers: new Map(), credited: new Map() }),

  async validate(tx, { orgId, options }, rows, state) {
    const numbers = [...new Set(rows.map((r) => r.value("number")).filter(Boolean))];
    const invoiceNumbers = [...new Set(rows.map((r) => r.value("invoiceNumber")).filter(Boolean))];
    const refs = [...new Set(rows.map((r) => r.value("customerReference")).filter(Boolean))];
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { timeZone: true } });
    const today = todayIn(org.timeZone, clockNow());
    const { invoicesByNumber } = await invoicesNamed(tx, orgId, invoiceNumbers);
    for (const [number, inFile] of state.fileInvoices ?? []) {
      // A stored invoice wins over the file's row for it (same number, issue year and customer).
      const stored = invoicesByNumber.get(number) ?? [];
      const same = (a: CreditedInvoice, b: CreditedInvoice) =>
        a.customerId === b.customerId && a.issueDate.getUTCFullYear() === b.issueDate.getUTCFullYear();
      const added = inFile.filter((f) => !stored.some((s) => same(s, f)));
      if (added.length) invoicesByNumber.set(number, [...stored, ...added]);
    }
    const identity = await rememberedInvoiceIdentity(tx, orgId);
    const customers = await tx.customer.findMany({
      where: { orgId, reference: { in: refs } },
      select: { id: true, reference: true, currency: true },
    });
    const stored = await tx.ledgerEntry.findMany({
      where: { orgId, kind: "CREDIT_NOTE", number: { in: numbers } },
      select: { number: true, amountMinor: true, invoiceId: true, customerId: true },
    });
    const customerByRef = new Map(customers.map((c) => [c.reference, c]));
    const storedByNumber = new Map(stored.map((s) => [s.number, s]));
    const valid: CreditNoteRow[] = [];
    const problems = [];
    for (const row of rows) {
      const check = new RowChecker(row);
      const number = check.required("number", "The credit note number");
      check.unique("number", state.numbers, number, `credit note number "${number}"`);
      const invoiceNumber = row.value("invoiceNumber");
      const ref = row.value("customerReference");
      const customer = ref ? customerByRef.get(ref) : undefined;
      const invoice = namedInvoice(check, row, invoicesByNumber, {
        identity,
        dateFormat: options.dateFormat,
        customer,
      });
      if (!invoiceNumber && !ref)
        check.problem(
          "invoiceNumber",
          "name the invoice credited, or the customer reference for a credit on the account",
        );
      if (ref && !customer) check.problem("customerReference", `unknown customer "${ref}"`);
      const currency = (row.value("currency") || invoice?.currency || customer?.currency || "").toUpperCase();
      if (row.value("currency") && !isKnownCurrency(currency))
        check.problem("currency", `"${row.value("currency")}" is not a currency code we know, like EUR`);
      else if (invoice && currency !== invoice.currency)
        check.problem("currency", `the invoice is in ${invoice.currency}, not ${currency}`);
      const amount = isKnownCurrency(currency)
        ? check.parsed("amount", parseImportAmount(row.value("amount"), currency, options.decimalSeparator))
        : undefined;
      if (amount !== undefined && amount <= 0) check.problem("amount", "a credit note amount must be more than zero");
      const issuedOn = check.parsed("issuedOn", parseImportDate(row.value("issuedOn"), options.dateFormat));
      if (issuedOn && issuedOn > today)
        check.problem("issuedOn", `dated after today (${today}): credit notes count from their date, import it then`);
      if (issuedOn && invoice && issuedOn < dateOnlyFromDb(invoice.issueDate))
        check.problem("issuedOn", `before invoice ${invoice.number}'s issue date`);
      const before = storedByNumber.get(number);
      const customerId = invoice?.customerId ?? customer?.id;
      if (!check.ok || !customerId || amount === undefined || !issuedOn) {
        problems.push(...check.problems);
        continue;
      }
      if (before) {
        // Already in the ledger: the same note is left alone, a changed one refused.
        if (toMinor(before.amountMinor) !== amount || before.invoiceId !== (invoice?.id ?? null))
          check.problem(
            "amount",
            `credit note ${number} was imported before with other figures; the ledger keeps it, record a new credit note to correct it`,
          );
        problems.push(...check.problems);
        continue;
      }
      if (invoice) {
        const credited = (state.credited.get(invoice.id) ?? toMinor(invoice.paidMinor)) + amount;
        if (credited > toMinor(invoice.amountMinor)) {
          const open = toMinor(invoice.amountMinor) - (credited - amount);
          check.problem(
            "amount",
            `more than invoice ${invoice.number}'s open balance of ${formatMoney(open, currency)}`,
          );
          problems.push(...check.problems);
          continue;
        }
        state.credited.set(invoice.id, credited);
      }
      valid.push({
        id: uuid7(),
        import_key: `credit_note:${number}`,
        number,
        customer_id: customerId,
        invoice_id: invoice?.id ?? null,
        currency,
        amount_minor: amount,
        effective_on: issuedOn,
        reason: row.value("reason") || "Imported credit note",
      });
    }
    return { valid, problems };
  },

  async write(tx, ctx, rows) {
    if (!rows.length) return { created: 0, updated: 0 };
    // Through the ledger's own verb: its checks, its audit record, the case closing when settled.
    const actor = await importActor(tx, ctx);
    const now = clockNow();
    let created = 0;
    for (const r of rows) {
      const done = await recordCreditNote(tx, {
        orgId: ctx.orgId,
        actor,
        invoiceId: r.invoice_id,
        customerId: r.customer_id,
        amountMinor: r.amount_minor,
        currency: r.currency,
        reason: r.reason,
        number: r.number,
        issuedOn: r.effective_on,
        importKey: r.import_key,
        now,
      });
      if (!done.duplicate) created++;
    }
    return { created, updated: 0 };
  },
};

/** Who the ledger records the import's entries for: the user who started the import, with their role now. */
async function importActor(tx: DbOrTx, ctx: WriteContext): Promise<Actor> {
  const user = ctx.userId
    ? await tx.user.findFirst({ where: { id: ctx.userId, orgId: ctx.orgId, active: true }, select: { role: true } })
    : null;
  if (!user) throw new AppError("FORBIDDEN", "The user who started this import can no longer record credit notes.");
  return { userId: ctx.userId!, role: user.role };
}
