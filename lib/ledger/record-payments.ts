import { type AuditEventInput, recordAudits } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

// The one write path for payments (issue 21, "one write path per fact"): a payment
// entered by hand, an imported payments file, a bank statement's matched lines and
// the API all end here, in batches, so an import of 50,000 rows is one INSERT and
// one lock query instead of 50,000 calls. The paid_minor trigger keeps each
// invoice's paid sum; the caller owns the transaction and closes settled cases.

/**
 * "before_import": what an invoices file's "amount still owed" says was paid before the
 * import; it settles the invoice but was never collected here, so collected_by_day (the
 * dashboard's "collected this month") leaves it out (migration 20261207110000).
 */
export type PaymentSource = "hand" | "import" | "bank" | "api" | "before_import";

interface PaymentBase {
  customerId: string;
  currency: string;
  /** Minor units; negative only for an imported refund naming its invoice. */
  amountMinor: number;
  receivedOn: DateOnly;
  method?: string;
  reference?: string;
  /** Idempotency key of an imported row: a re-import corrects the stored amount instead of adding. */
  importKey?: string;
  /** The bank statement line the payment was read from: its evidence. */
  bankLineId?: string;
}

/**
 * How the amount is spread over invoices:
 * - "given": one row on `invoiceId` (null: unapplied cash), as an import row already checked it;
 * - "invoices": these invoices in this order up to their open balance, the rest unapplied (bank matches, the review queue);
 * - "oldest": `firstInvoiceId` first, then the oldest due open invoices with disputed ones last (a payment entered by hand).
 * In "invoices" and "oldest" an invoice issued after the payment's date is not paid by it,
 * and an invoice another payment of the same batch already settled is not paid twice.
 */
export type PaymentToRecord = PaymentBase &
  (
    | { allocate: "given"; invoiceId: string | null }
    | { allocate: "invoices"; invoiceIds: string[] }
    | { allocate: "oldest"; firstInvoiceId?: string | null }
  );

export interface RecordedPayment {
  /** Every payment row written for it (one per invoice paid, one for the unapplied rest). */
  paymentIds: string[];
  allocations: { paymentId: string; invoiceId: string; amountMinor: number }[];
  unapplied?: { paymentId: string; amountMinor: number };
}

export interface RecordPaymentsResult {
  recorded: RecordedPayment[];
  /** Rows inserted and rows an import key made an update of (a re-imported corrected amount). */
  created: number;
  updated: number;
  /** The accounts touched: the caller closes a case with nothing overdue left. */
  accounts: { customerId: string; currency: string }[];
}

interface OpenInvoiceRow {
  id: string;
  customer_id: string;
  currency: string;
  open: bigint;
  issue_date: Date;
  disputed: boolean;
}

type OpenInvoice = OpenInvoiceRow & { issuedOn: DateOnly };

interface PaymentInsert {
  id: string;
  customer_id: string;
  invoice_id: string | null;
  amount_minor: number;
  currency: string;
  received_on: DateOnly;
  method: string;
  reference: string;
  import_key: string | null;
  bank_line_id: string | null;
}

export async function recordPayments(
  tx: DbOrTx,
  opts: {
    orgId: string;
    actor: { userId: string | null };
    source: PaymentSource;
    payments: PaymentToRecord[];
    /** One payment.recorded audit event per payment (an import audits the whole file, a bank statement its lines by the thousand instead). */
    audit: boolean;
    /**
     * An import key already stored: "correct" (default) updates that row's amount, date and method
     * (a re-imported payments file); "keep" leaves it and adds nothing (an invoice's "paid before import").
     */
    storedImportKey?: "correct" | "keep";
    /** Called as the locks and the insert end (the bank bench's breakdown). */
    onPhase?: (phase: "payment locks" | "payments insert + triggers") => void;
  },
): Promise<RecordPaymentsResult> {
  const { orgId, payments } = opts;
  const open = await lockOpenInvoices(tx, orgId, payments);
  const openById = new Map([...open].map(([key, invoices]) => [key, new Map(invoices.map((i) => [i.id, i]))]));
  opts.onPhase?.("payment locks");
  const rows: PaymentInsert[] = [];
  const recorded: RecordedPayment[] = payments.map((p) => {
    const row = (invoiceId: string | null, amountMinor: number): string => {
      const id = uuid7();
      rows.push({
        id,
        customer_id: p.customerId,
        invoice_id: invoiceId,
        amount_minor: amountMinor,
        currency: p.currency,
        received_on: p.receivedOn,
        method: p.method?.trim() || "bank transfer",
        reference: p.reference?.trim() ?? "",
        import_key: p.importKey ?? null,
        bank_line_id: p.bankLineId ?? null,
      });
      return id;
    };
    if (p.allocate === "given") {
      const paymentId = row(p.invoiceId, p.amountMinor);
      return p.invoiceId
        ? { paymentIds: [paymentId], allocations: [{ paymentId, invoiceId: p.invoiceId, amountMinor: p.amountMinor }] }
        : { paymentIds: [paymentId], allocations: [], unapplied: { paymentId, amountMinor: p.amountMinor } };
    }
    const key = `${p.customerId}|${p.currency}`;
    const payable = (i: OpenInvoice | undefined): i is OpenInvoice => !!i && i.issuedOn <= p.receivedOn;
    const candidates = p.allocate === "invoices" ? [] : (open.get(key) ?? []).filter(payable);
    // Named invoices by id, not by scanning the account per payment (a statement pays thousands of one account's invoices).
    const order =
      p.allocate === "invoices"
        ? p.invoiceIds.map((id) => openById.get(key)?.get(id)).filter(payable)
        : [
            ...candidates.filter((i) => i.id === p.firstInvoiceId),
            ...candidates.filter((i) => i.id !== p.firstInvoiceId && !i.disputed),
            ...candidates.filter((i) => i.id !== p.firstInvoiceId && i.disputed),
          ];
    let left = p.amountMinor;
    const allocations: RecordedPayment["allocations"] = [];
    for (const invoice of order) {
      if (left <= 0) break;
      const part = Math.min(left, toMinor(invoice.open));
      if (part <= 0) continue;
      invoice.open -= BigInt(part);
      allocations.push({ paymentId: row(invoice.id, part), invoiceId: invoice.id, amountMinor: part });
      left -= part;
    }
    const unapplied = left > 0 ? { paymentId: row(null, left), amountMinor: left } : undefined;
    return {
      paymentIds: [...allocations.map((a) => a.paymentId), ...(unapplied ? [unapplied.paymentId] : [])],
      allocations,
      unapplied,
    };
  });

  const { created, updated } = await insertPayments(tx, orgId, opts, rows);
  opts.onPhase?.("payments insert + triggers");
  if (opts.audit) {
    const events: AuditEventInput[] = payments.map((p, i) => ({
      kind: "payment.recorded",
      payload: paymentRecordedAudit(p, recorded[i]),
    }));
    await recordAudits(tx, { orgId, userId: opts.actor.userId }, events);
  }
  const accounts = new Map(
    payments.map((p) => [`${p.customerId}|${p.currency}`, { customerId: p.customerId, currency: p.currency }]),
  );
  return { recorded, created, updated, accounts: [...accounts.values()] };
}

/** What the audit trail keeps of one recorded payment (payment.recorded, and each of bank_payments.recorded's). */
export function paymentRecordedAudit(p: PaymentBase, recorded: RecordedPayment) {
  return {
    customerId: p.customerId,
    currency: p.currency,
    amountMinor: p.amountMinor,
    receivedOn: p.receivedOn,
    allocations: recorded.allocations,
    unapplied: recorded.unapplied,
  };
}

/**
 * The open invoices of every account a batch allocates over, locked (lock order
 * everywhere: the open case, then the invoices) so two writers on one account
 * queue instead of paying the same balance twice.
 */
async function lockOpenInvoices(tx: DbOrTx, orgId: string, payments: PaymentToRecord[]) {
  const pairs = new Map<string, { c: string; k: string }>();
  for (const p of payments)
    if (p.allocate !== "given") pairs.set(`${p.customerId}|${p.currency}`, { c: p.customerId, k: p.currency });
  const open = new Map<string, OpenInvoice[]>();
  if (!pairs.size) return open;
  const customers = [...pairs.values()].map((p) => p.c);
  const currencies = [...pairs.values()].map((p) => p.k);
  await tx.$queryRaw`
    SELECT cc.id FROM collection_cases cc
    JOIN unnest(${customers}::uuid[], ${currencies}::text[]) AS a(customer_id, currency)
      ON cc.customer_id = a.customer_id AND cc.currency = a.currency
    WHERE cc.org_id = ${orgId}::uuid AND cc.closed_at IS NULL
    ORDER BY cc.id FOR UPDATE OF cc`;
  const invoices = await tx.$queryRaw<OpenInvoiceRow[]>`
    SELECT i.id, i.customer_id, i.currency, i.amount_minor - i.paid_minor AS open, i.issue_date,
      EXISTS (SELECT 1 FROM invoice_disputes d WHERE d.invoice_id = i.id
        AND NOT EXISTS (SELECT 1 FROM account_events e WHERE e.dispute_id = d.id AND e.kind = 'DISPUTE_RESOLVED')) AS disputed
    FROM invoices i
    JOIN unnest(${customers}::uuid[], ${currencies}::text[]) AS a(customer_id, currency)
      ON i.customer_id = a.customer_id AND i.currency = a.currency
    WHERE i.org_id = ${orgId}::uuid AND i.paid_minor < i.amount_minor
    ORDER BY i.due_date, i.issue_date, i.number
    FOR UPDATE OF i`;
  for (const i of invoices) {
    const key = `${i.customer_id}|${i.currency.trim()}`;
    const invoice = { ...i, issuedOn: dateOnlyFromDb(i.issue_date) };
    const own = open.get(key);
    if (own) own.push(invoice);
    else open.set(key, [invoice]);
  }
  return open;
}

/**
 * Rows per INSERT. The payments triggers are per statement (paid sums, account balances,
 * collected-by-day, account work), so each statement re-runs them over every account it
 * touches: a 40,000-payment bank statement in 5,000-row statements recomputed the same
 * 2,000 accounts eight times. One statement per 50,000 rows runs them once. The rows travel as
 * one JSON text: column arrays (unnest) cost the driver more CPU than they save the server.
 */
const ROWS_PER_STATEMENT = 50_000;

/** One set-based statement per 50,000 rows; an import key already stored updates that row's amount, date and method, or is kept. */
async function insertPayments(
  tx: DbOrTx,
  orgId: string,
  opts: { actor: { userId: string | null }; source: PaymentSource; storedImportKey?: "correct" | "keep" },
  rows: PaymentInsert[],
): Promise<{ created: number; updated: number }> {
  let created = 0;
  let updated = 0;
  const onStoredKey =
    opts.storedImportKey === "keep"
      ? Prisma.sql`ON CONFLICT (org_id, import_key) DO NOTHING`
      : Prisma.sql`ON CONFLICT (org_id, import_key) DO UPDATE SET
        amount_minor = EXCLUDED.amount_minor, received_on = EXCLUDED.received_on, method = EXCLUDED.method
      WHERE (p.amount_minor, p.received_on, p.method) IS DISTINCT FROM (EXCLUDED.amount_minor, EXCLUDED.received_on, EXCLUDED.method)`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const part = rows.slice(start, start + ROWS_PER_STATEMENT);
    const returned = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
      INSERT INTO payments AS p (id, org_id, customer_id, invoice_id, amount_minor, currency, received_on, method, reference,
        import_key, bank_line_id, source, entered_by_id)
      SELECT r.id, ${orgId}::uuid, r.customer_id, r.invoice_id, r.amount_minor, r.currency, r.received_on, r.method, r.reference,
        r.import_key, r.bank_line_id, ${opts.source}, ${opts.actor.userId}::uuid
      FROM jsonb_to_recordset(${JSON.stringify(part)}::jsonb)
        AS r(id uuid, customer_id uuid, invoice_id uuid, amount_minor bigint, currency text, received_on date, method text,
          reference text, import_key text, bank_line_id uuid)
      ${onStoredKey}
      RETURNING (xmax = 0) AS inserted`);
    const inserted = returned.filter((r) => r.inserted).length;
    created += inserted;
    updated += returned.length - inserted;
  }
  return { created, updated };
}
