import { type Db, type DbOrTx, inTransaction } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney, isKnownCurrency } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, formatDateOnly, todayIn } from "@/lib/time/dates";

/**
 * Runs `fn` in the caller's transaction, or in a new one: a form posts one
 * entry in its own transaction, an importer many in the import's.
 */
export function inLedgerTransaction<T>(db: Db | DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  if (inTransaction(db)) return fn(db);
  return (db as Db).$transaction((tx) => fn(tx));
}

/** The organization's day and how it writes amounts and dates. */
export async function orgDay(tx: DbOrTx, orgId: string, now: Date) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId } });
  const today = todayIn(org.timeZone, now);
  return {
    today,
    money: (minor: number, currency: string) => formatMoney(minor, currency, org.locale),
    day: (d: DateOnly) => formatDateOnly(d, org.locale),
  };
}

export function assertKnownCurrency(currency: string): void {
  if (!isKnownCurrency(currency))
    throw new AppError(
      "INVALID_INPUT",
      `"${String(currency).slice(0, 10)}" is not a currency we know; use an ISO code like EUR.`,
      {
        currency: ["Use an ISO 4217 code like EUR, NOK or USD."],
      },
    );
}

export interface LockedInvoice {
  id: string;
  customerId: string;
  number: string;
  currency: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amount: number;
  settled: number;
  open: number;
}

/**
 * Locks an invoice of the organization for the rest of the transaction, in the
 * app's lock order: the account's open collection case first, then the invoice
 * (as recordPayment does), so two writers on one account queue instead of
 * deadlocking. Racing corrections on one invoice see each other's effect.
 */
export async function lockInvoiceOrThrow(
  tx: DbOrTx,
  opts: { orgId: string; invoiceId: string },
): Promise<LockedInvoice> {
  const found = await tx.invoice.findFirst({
    where: { id: opts.invoiceId, orgId: opts.orgId },
    select: { customerId: true, currency: true },
  });
  if (!found) throw new AppError("NOT_FOUND", "That invoice was not found.");
  await lockAccountCase(tx, { orgId: opts.orgId, ...found });
  const [row] = await tx.$queryRaw<
    {
      id: string;
      customer_id: string;
      number: string;
      currency: string;
      issue_date: Date;
      due_date: Date;
      amount_minor: bigint;
      paid_minor: bigint;
    }[]
  >`SELECT id, customer_id, number, currency, issue_date, due_date, amount_minor, paid_minor
    FROM invoices WHERE id = ${opts.invoiceId}::uuid AND org_id = ${opts.orgId}::uuid FOR UPDATE`;
  const amount = Number(row.amount_minor);
  const settled = Number(row.paid_minor);
  return {
    id: row.id,
    customerId: row.customer_id,
    number: row.number,
    currency: row.currency,
    issueDate: dateOnlyFromDb(row.issue_date),
    dueDate: dateOnlyFromDb(row.due_date),
    amount,
    settled,
    open: amount - settled,
  };
}

export async function lockAccountCase(tx: DbOrTx, opts: { orgId: string; customerId: string; currency: string }) {
  await tx.$queryRaw`SELECT id FROM collection_cases WHERE org_id = ${opts.orgId}::uuid AND customer_id = ${opts.customerId}::uuid
    AND currency = ${opts.currency} AND closed_at IS NULL FOR UPDATE`;
}

/**
 * Serializes everything that draws on an account's credit (applying it,
 * reversing unapplied cash) for the rest of the transaction. Adding credit needs
 * no lock: it cannot make the balance negative.
 */
export async function lockAccountCredit(tx: DbOrTx, opts: { customerId: string; currency: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`credit:${opts.customerId}:${opts.currency}`}, 0))`;
}
