import { type AuditEventInput, recordAudit, recordAudits } from "@/lib/audit/events";
import { closeCaseIfSettled } from "@/lib/cases/open-case";
import type { DbOrTx } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid";
import { emitEvent, emitEvents } from "@/lib/events/emit-event";
import { Prisma } from "@/lib/generated/prisma/client";
import { paymentRecordedEvent } from "@/lib/ledger/payment-recorded-event";
import {
  type PaymentToRecord,
  paymentRecordedAudit,
  type RecordedPayment,
  recordPayments,
} from "@/lib/ledger/record-payments";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";
import { loadMatchData } from "./load-match-data";
import { type LineMatch, matchLine } from "./match-line";
import type { ParsedStatement, StatementLine } from "./statement-lines";

export interface StatementCounts {
  lines: number;
  matched: number;
  review: number;
  duplicates: number;
  ignored: number;
}

/** What recording a statement did (the `bank_statement.processed` event carries its counts; `afterProcessed` gets all of it). */
export interface StatementRecorded {
  statementId: string;
  counts: StatementCounts;
  /** Every payment row written for the statement's matched lines (several per line when it paid several invoices). */
  recordedPaymentIds: string[];
  /** How many lines each rule recorded (the closing note's share per rule). */
  byRule: Record<string, number>;
}

interface LineInsert {
  id: string;
  dedupe_key: string;
  entry_ref: string;
  booking_date: DateOnly;
  amount_minor: number;
  currency: string;
  credit: boolean;
  status: "matched" | "review" | "ignored";
  rule: string;
  reason: string;
  payer_name: string;
  payer_account: string;
  structured_ref: string;
  remittance_text: string;
  suggestions: string;
  customer_id: string | null;
}

/**
 * Records a parsed statement's lines in the caller's transaction: lines seen
 * before (same key, in this file or an earlier statement) are skipped and
 * counted; debits, fees and returns are stored as ignored; each credit is
 * matched, recorded through the ledger's payment writer when a rule allows it
 * (the line is the payment's evidence), or left for the review queue with its
 * reason and suggestions. A case with nothing overdue left closes.
 */
export async function recordStatementLines(
  tx: DbOrTx,
  opts: {
    orgId: string;
    statementId: string;
    userId: string | null;
    today: DateOnly;
    now: Date;
    /** Called as each phase ends (the bench's breakdown); nothing else listens. */
    onPhase?: (phase: RecordingPhase) => void;
  },
  parsed: ParsedStatement,
): Promise<StatementRecorded> {
  const { orgId } = opts;
  const phase = opts.onPhase ?? (() => {});
  const keys = parsed.lines.map((l) => l.dedupeKey);
  const seen = new Set<string>();
  for (let start = 0; start < keys.length; start += 10_000) {
    const stored = await tx.$queryRaw<{ dedupe_key: string }[]>`
      SELECT dedupe_key FROM bank_lines WHERE org_id = ${orgId}::uuid AND dedupe_key = ANY(${keys.slice(start, start + 10_000)}::text[])`;
    for (const s of stored) seen.add(s.dedupe_key);
  }
  phase("duplicates");
  const data = await loadMatchData(tx, orgId);
  phase("load open invoices");
  const counts: StatementCounts = { lines: parsed.lines.length, matched: 0, review: 0, duplicates: 0, ignored: 0 };
  const byRule: Record<string, number> = {};
  const inserts: LineInsert[] = [];
  const payments: PaymentToRecord[] = [];
  for (const line of parsed.lines) {
    if (seen.has(line.dedupeKey)) {
      counts.duplicates++;
      continue;
    }
    seen.add(line.dedupeKey);
    const id = uuid7();
    if (line.ignoredReason) {
      counts.ignored++;
      inserts.push(lineRow(id, line, "ignored", "", line.ignoredReason, null, []));
      continue;
    }
    const match: LineMatch = matchLine(line, data);
    if (match.outcome === "record") {
      counts.matched++;
      byRule[match.rule] = (byRule[match.rule] ?? 0) + 1;
      // Take the balances off now, so a later line of this statement cannot pay them again.
      let left = line.amountMinor;
      for (const invoiceId of match.invoiceIds) {
        const invoice = data.byCustomer.get(match.customerId)?.find((i) => i.id === invoiceId);
        if (!invoice) continue;
        const part = Math.min(left, invoice.openMinor);
        invoice.openMinor -= part;
        left -= part;
      }
      if (line.payerAccount) data.customerByAccount.set(line.payerAccount.replace(/\s+/g, ""), match.customerId);
      inserts.push(lineRow(id, line, "matched", match.rule, match.reason, match.customerId, []));
      payments.push({
        allocate: "invoices",
        invoiceIds: match.invoiceIds,
        customerId: match.customerId,
        currency: line.currency,
        amountMinor: line.amountMinor,
        receivedOn: line.bookingDate,
        method: "bank transfer",
        reference: (line.structuredRefs[0] ?? line.entryRef).slice(0, 200),
        bankLineId: id,
      });
    } else {
      counts.review++;
      inserts.push(lineRow(id, line, "review", match.rule, match.reason, match.customerId, match.suggestions));
    }
  }
  phase("match");
  for (let start = 0; start < inserts.length; start += 5000) {
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO bank_lines (id, org_id, statement_id, dedupe_key, entry_ref, booking_date, amount_minor, currency, credit, status,
        rule, reason, payer_name, payer_account, structured_ref, remittance_text, suggestions, customer_id)
      SELECT r.id, ${orgId}::uuid, ${opts.statementId}::uuid, r.dedupe_key, r.entry_ref, r.booking_date, r.amount_minor, r.currency,
        r.credit, r.status::"BankLineStatus", r.rule, r.reason, r.payer_name, r.payer_account, r.structured_ref, r.remittance_text,
        r.suggestions::jsonb, r.customer_id
      FROM jsonb_to_recordset(${JSON.stringify(inserts.slice(start, start + 5000))}::jsonb)
        AS r(id uuid, dedupe_key text, entry_ref text, booking_date date, amount_minor bigint, currency text, credit boolean,
          status text, rule text, reason text, payer_name text, payer_account text, structured_ref text, remittance_text text,
          suggestions text, customer_id uuid)`);
  }
  phase("bank_lines insert");
  const result = await recordPayments(tx, {
    orgId,
    actor: { userId: opts.userId },
    source: "bank",
    audit: false,
    payments,
    onPhase: phase,
  });
  await auditAndAnnouncePayments(tx, { ...opts, payments, recorded: result.recorded });
  phase("audit + events");
  await closeSettledCases(tx, { ...opts, accounts: result.accounts });
  phase("close settled cases");
  await tx.bankStatement.update({
    where: { id: opts.statementId },
    data: {
      status: "processed",
      format: parsed.format,
      accountIban: parsed.accountIban,
      fromDate: parsed.fromDate ? dateOnlyToDb(parsed.fromDate) : null,
      toDate: parsed.toDate ? dateOnlyToDb(parsed.toDate) : null,
      linesCount: counts.lines,
      matchedCount: counts.matched,
      reviewCount: counts.review,
      duplicatesCount: counts.duplicates,
      ignoredCount: counts.ignored,
      error: "",
      processedAt: opts.now,
    },
  });
  const recordedPaymentIds = result.recorded.flatMap((r) => r.paymentIds);
  await recordAudit(
    tx,
    { orgId, userId: opts.userId },
    {
      kind: "bank_statement.processed",
      payload: { statementId: opts.statementId, format: parsed.format, ...counts, payments: recordedPaymentIds.length },
    },
  );
  // In this transaction, so the webhook is queued exactly when the lines commit.
  await emitEvent(tx, {
    orgId,
    type: "bank_statement.processed",
    data: { statementId: opts.statementId, format: parsed.format, counts, payments: recordedPaymentIds.length },
    at: opts.now,
  });
  phase("statement + its audit");
  return { statementId: opts.statementId, counts, recordedPaymentIds, byRule };
}

export type RecordingPhase =
  | "duplicates"
  | "load open invoices"
  | "match"
  | "bank_lines insert"
  | "payment locks"
  | "payments insert + triggers"
  | "audit + events"
  | "close settled cases"
  | "statement + its audit";

const PAYMENTS_PER_AUDIT_EVENT = 1000;

/**
 * The statement's payments in the audit trail (bank_payments.recorded, a thousand
 * an event, each payment as its own payment.recorded would keep it) and one
 * payment.recorded webhook event each, as a payment typed or sent by the API
 * has; both in the recording transaction.
 */
async function auditAndAnnouncePayments(
  tx: DbOrTx,
  opts: {
    orgId: string;
    statementId: string;
    userId: string | null;
    now: Date;
    payments: PaymentToRecord[];
    recorded: RecordedPayment[];
  },
): Promise<void> {
  const { orgId, payments, recorded } = opts;
  const audits: AuditEventInput[] = [];
  for (let start = 0; start < payments.length; start += PAYMENTS_PER_AUDIT_EVENT)
    audits.push({
      kind: "bank_payments.recorded",
      payload: {
        statementId: opts.statementId,
        payments: payments.slice(start, start + PAYMENTS_PER_AUDIT_EVENT).map((p, i) => ({
          ...paymentRecordedAudit(p, recorded[start + i]),
          lineId: p.bankLineId ?? "",
        })),
      },
    });
  await recordAudits(tx, { orgId, userId: opts.userId }, audits);
  await emitEvents(
    tx,
    orgId,
    payments.map((p, i) => paymentRecordedEvent(orgId, { ...p, source: "bank" }, recorded[i], opts.now)),
  );
}

function lineRow(
  id: string,
  line: StatementLine,
  status: LineInsert["status"],
  rule: string,
  reason: string,
  customerId: string | null,
  suggestions: unknown[],
): LineInsert {
  return {
    id,
    dedupe_key: line.dedupeKey,
    entry_ref: line.entryRef,
    booking_date: line.bookingDate,
    amount_minor: line.amountMinor,
    currency: line.currency,
    credit: line.credit,
    status,
    rule,
    reason,
    payer_name: line.payerName,
    payer_account: line.payerAccount.replace(/\s+/g, ""),
    structured_ref: [...line.structuredRefs, ...line.documentNumbers].join(" "),
    remittance_text: line.remittanceText,
    suggestions: JSON.stringify(suggestions),
    customer_id: customerId,
  };
}

/** Closes the cases of the accounts a statement paid that have nothing overdue left (only accounts with an open case are asked). */
export async function closeSettledCases(
  tx: DbOrTx,
  opts: {
    orgId: string;
    userId: string | null;
    today: DateOnly;
    now: Date;
    accounts: { customerId: string; currency: string }[];
  },
): Promise<void> {
  if (!opts.accounts.length) return;
  const open = await tx.$queryRaw<{ customer_id: string; currency: string }[]>`
    SELECT cc.customer_id, cc.currency FROM collection_cases cc
    JOIN unnest(${opts.accounts.map((a) => a.customerId)}::uuid[], ${opts.accounts.map((a) => a.currency)}::text[]) AS a(customer_id, currency)
      ON cc.customer_id = a.customer_id AND cc.currency = a.currency
    WHERE cc.org_id = ${opts.orgId}::uuid AND cc.closed_at IS NULL`;
  for (const account of open)
    await closeCaseIfSettled(tx, {
      orgId: opts.orgId,
      customerId: account.customer_id,
      currency: account.currency.trim(),
      today: opts.today,
      userId: opts.userId,
      now: opts.now,
    });
}
