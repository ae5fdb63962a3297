import { invalid } from "@/lib/actions/fields";
import { type AuditEventInput, recordAudits } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { unknownCustomerReference } from "@/lib/customers/find-customer-by-reference";
import { type Db, type DbOrTx, inTransaction } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { uuid7 } from "@/lib/db/uuid";
import { AppError } from "@/lib/errors/app-error";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { checkInvoiceFields } from "./enter-invoice";
import { type InvoiceFacts, invoiceChangeRefusal, invoiceHistory, isInvoiceChange } from "./invoice-change-rule";
import { type InvoiceNumbering, invoiceNumbering } from "./invoice-numbering";
import { writeInvoices } from "./write-invoices";

/** An invoice as the accounting system states it, identified by its number (and issue year). */
export interface InvoiceStatement {
  number: string;
  /** Which year's invoice of this number (numbering by year); absent: the issue date's year. */
  issueYear?: number;
  customerReference: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  amountMinor: number;
  /** The payment reference (KID) the accounting system issued; undefined keeps the stored one. */
  kid?: string | null;
  /** An ISO 11649 RF reference the accounting system issued (compact, verified); a new invoice keeps it, a stored one keeps its own. */
  rfReference?: string | null;
}

/** How long one transaction of statements may run (a batch chunk; measured: 250 new invoices in about 2.5 s at load average 30). */
const CHUNK_TIMEOUT_MS = 60_000;

export type UpsertOutcome = "created" | "updated" | "unchanged";

/** Per statement, in the order given: what was done, or why nothing was (the same AppError the single PUT throws). */
export type InvoiceUpsertResult =
  | { outcome: UpsertOutcome; invoiceId: string; issueYear: number }
  | { outcome: "refused"; error: AppError; issueYear: number | null };

interface Checked extends InvoiceStatement {
  index: number;
  issueDate: DateOnly;
  dueDate: DateOnly;
  year: number;
  customerId: string;
}

interface StoredRow {
  id: string;
  number: string;
  customer_id: string;
  reference: string;
  issue_date: Date;
  due_date: Date;
  amount_minor: bigint;
  currency: string;
  kid: string | null;
}

/**
 * Many invoices as the accounting system states them, in one transaction and a
 * fixed number of statements whatever their count (a sync sends hundreds):
 * the customers in one query, the stored invoices locked in one, their
 * payments, letters and disputes in one, then one INSERT, one UPDATE and one
 * audit insert. The rule per invoice is the single PUT's and the import's
 * (invoice-change-rule.ts): created when new, corrected when its facts differ
 * (not its customer or amount once payments, letters or disputes rest on it),
 * left alone when nothing differs. A statement that is refused is reported
 * beside the others and changes nothing; the rest are written.
 */
export async function upsertInvoices(
  db: Db | DbOrTx,
  opts: { orgId: string; actor: Actor; now: Date; invoices: InvoiceStatement[] },
): Promise<InvoiceUpsertResult[]> {
  assertCanWork(opts.actor);
  const attempt = () =>
    inTransaction(db)
      ? upsertInTransaction(db, opts)
      : // A chunk of hundreds may take seconds on a busy machine, and wait on a racing chunk's locks: not Prisma's 5 s default.
        (db as Db).$transaction((tx) => upsertInTransaction(tx, opts), { timeout: CHUNK_TIMEOUT_MS, maxWait: 10_000 });
  try {
    return await attempt();
  } catch (error) {
    // Another request created one of these invoices between our read and our insert
    // (invoices_identity said no): once more, and it is found as stored.
    if (!isUniqueViolation(error) || inTransaction(db)) throw error;
    return attempt();
  }
}

async function upsertInTransaction(
  tx: DbOrTx,
  opts: { orgId: string; actor: Actor; invoices: InvoiceStatement[] },
): Promise<InvoiceUpsertResult[]> {
  const results: InvoiceUpsertResult[] = new Array(opts.invoices.length);
  const refuse = (index: number, error: AppError, year: number | null) => {
    results[index] = { outcome: "refused", error, issueYear: year };
  };
  const numbering = await invoiceNumbering(tx, opts.orgId);
  const references = [...new Set(opts.invoices.map((i) => i.customerReference))];
  const customers = new Map(
    (
      await tx.customer.findMany({
        where: { orgId: opts.orgId, reference: { in: references } },
        select: { id: true, reference: true },
      })
    ).map((c) => [c.reference, c.id]),
  );

  const checked: Checked[] = [];
  const seen = new Map<string, number>();
  opts.invoices.forEach((statement, index) => {
    try {
      const item = checkStatement(statement, index, numbering, customers);
      const key = identityKey(numbering, item.number, item.year, item.customerId);
      const first = seen.get(key);
      if (first !== undefined)
        throw invalid(
          "number",
          `Invoice ${item.number} of ${item.year} is also item ${first} of this batch (counted from 0); send it once.`,
        );
      seen.set(key, index);
      checked.push(item);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refuse(index, error, statement.issueYear ?? (Number(statement.issueDate.slice(0, 4)) || null));
    }
  });
  if (!checked.length) return results;

  // Locked in id order, so two batches touching the same invoices queue instead of deadlocking.
  const stored = await tx.$queryRaw<StoredRow[]>`
    SELECT i.id, i.number, i.customer_id, c.reference, i.issue_date, i.due_date, i.amount_minor, i.currency, i.kid
    FROM invoices i JOIN customers c ON c.id = i.customer_id
    WHERE i.org_id = ${opts.orgId}::uuid AND i.number = ANY(${[...new Set(checked.map((c) => c.number))]}::text[])
    ORDER BY i.id FOR UPDATE OF i`;
  const byKey = new Map<string, StoredRow[]>();
  for (const row of stored) {
    const key = identityKey(numbering, row.number, row.issue_date.getUTCFullYear(), row.customer_id);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }

  const created: Checked[] = [];
  const changes: { item: Checked; row: StoredRow; before: InvoiceFacts; after: InvoiceFacts; kid: string | null }[] =
    [];
  for (const item of checked) {
    const matches = byKey.get(identityKey(numbering, item.number, item.year, item.customerId)) ?? [];
    if (matches.length > 1) {
      const which = matches.map((m) => m.reference).join(", ");
      refuse(
        item.index,
        new AppError(
          "CONFLICT",
          `Invoice ${item.number} of ${item.year} matches ${matches.length} stored invoices (customers ${which}); the organization must match invoices by number and customer.`,
          { number: ["Matches several stored invoices."] },
        ),
        item.year,
      );
      continue;
    }
    const row = matches[0];
    if (!row) {
      created.push(item);
      continue;
    }
    const before = factsOf(row);
    const after: InvoiceFacts = {
      customer: item.customerReference,
      issueDate: item.issueDate,
      dueDate: item.dueDate,
      amountMinor: item.amountMinor,
      currency: item.currency,
    };
    const kid = item.kid === undefined ? row.kid : item.kid || null;
    if (!isInvoiceChange(before, after) && kid === row.kid)
      results[item.index] = { outcome: "unchanged", invoiceId: row.id, issueYear: item.year };
    else changes.push({ item, row, before, after, kid });
  }

  const history = await invoiceHistory(
    tx,
    opts.orgId,
    changes.filter((c) => isInvoiceChange(c.before, c.after)).map((c) => c.row.id),
  );
  const updates = changes.filter(({ item, row, before, after }) => {
    const refusal = invoiceChangeRefusal({
      number: item.number,
      before,
      after,
      history: history.get(row.id) ?? [],
      by: "the API",
      hint: "If the invoice was reduced, record a credit note (POST /api/v1/credit-notes).",
    });
    if (!refusal) return true;
    const message = refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1);
    refuse(item.index, new AppError("CONFLICT", message, { [refusal.field]: [message] }), item.year);
    return false;
  });

  const newRows = created.map((item) => ({ item, id: uuid7() }));
  const facts = (item: Checked) => ({
    customerId: item.customerId,
    issueDate: item.issueDate,
    dueDate: item.dueDate,
    amountMinor: item.amountMinor,
    currency: item.currency,
  });
  await writeInvoices(tx, {
    orgId: opts.orgId,
    create: newRows.map(({ item, id }) => ({
      ...facts(item),
      id,
      number: item.number,
      kid: item.kid || null,
      rfReference: item.rfReference || null,
    })),
    correct: updates.map(({ item, row, kid }) => ({ ...facts(item), id: row.id, kid })),
  });
  for (const { item, id } of newRows) results[item.index] = { outcome: "created", invoiceId: id, issueYear: item.year };
  for (const { item, row } of updates)
    results[item.index] = { outcome: "updated", invoiceId: row.id, issueYear: item.year };

  // invoice.entered for each new invoice, invoice.corrected for each changed fact (a KID alone is no correction).
  const events: AuditEventInput[] = [
    ...newRows.map(({ item, id }) => ({
      kind: "invoice.entered" as const,
      payload: {
        invoiceId: id,
        customerId: item.customerId,
        number: item.number,
        currency: item.currency,
        amountMinor: item.amountMinor,
        issueDate: item.issueDate,
        dueDate: item.dueDate,
      },
    })),
    ...updates
      .filter((u) => isInvoiceChange(u.before, u.after))
      .map(({ item, row, before, after }) => ({
        kind: "invoice.corrected" as const,
        payload: { invoiceId: row.id, number: item.number, before, after },
      })),
  ];
  await recordAudits(tx, { orgId: opts.orgId, userId: opts.actor.userId }, events);
  return results;
}

/** One statement's own rules (dates, amount, currency, year, customer), before anything is read for it. */
function checkStatement(
  s: InvoiceStatement,
  index: number,
  numbering: InvoiceNumbering,
  customers: Map<string, string>,
): Checked {
  const { number, issueDate, dueDate } = checkInvoiceFields(s);
  const year = s.issueYear ?? Number(issueDate.slice(0, 4));
  if (numbering === "year" && Number(issueDate.slice(0, 4)) !== year)
    throw invalid("issueDate", `Invoice ${number} of ${year} must have an issue date in ${year}.`);
  const customerId = customers.get(s.customerReference);
  if (!customerId) throw unknownCustomerReference(s.customerReference);
  return { ...s, index, number, issueDate, dueDate, year, customerId };
}

/** What makes an invoice the same one, as the organization numbers invoices (invoice-numbering.ts). */
const identityKey = (numbering: InvoiceNumbering, number: string, year: number, customerId: string) =>
  numbering === "customer" ? `${number}\u0000${customerId}` : `${number}\u0000${year}`;

function factsOf(row: StoredRow): InvoiceFacts {
  return {
    customer: row.reference,
    issueDate: dateOnlyFromDb(row.issue_date),
    dueDate: dateOnlyFromDb(row.due_date),
    amountMinor: toMinor(row.amount_minor),
    currency: row.currency.trim(),
  };
}
