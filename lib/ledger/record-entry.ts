import { recordAudit } from "@/lib/audit/events";
import { closeCaseIfSettled } from "@/lib/cases/open-case";
import type { DbOrTx } from "@/lib/db/client";
import type { LedgerEntryKind } from "@/lib/generated/prisma/enums";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

export interface LedgerEntryInput {
  orgId: string;
  userId: string | null;
  customerId: string;
  currency: string;
  kind: LedgerEntryKind;
  invoiceId: string | null;
  paymentId?: string | null;
  amountMinor: number;
  number?: string | null;
  reason: string;
  effectiveOn: DateOnly;
  importKey?: string | null;
  today: DateOnly;
  now: Date;
}

/**
 * Appends one ledger entry with its audit record; the database moves the
 * invoice's settled amount (and so the accounts, open balances and worklist)
 * by trigger in this transaction. A case with nothing overdue left closes.
 */
export async function appendLedgerEntry(tx: DbOrTx, e: LedgerEntryInput) {
  const entry = await tx.ledgerEntry.create({
    data: {
      orgId: e.orgId,
      customerId: e.customerId,
      currency: e.currency,
      kind: e.kind,
      invoiceId: e.invoiceId,
      paymentId: e.paymentId ?? null,
      amountMinor: BigInt(e.amountMinor),
      number: e.number ?? null,
      reason: e.reason,
      effectiveOn: dateOnlyToDb(e.effectiveOn),
      importKey: e.importKey ?? null,
      enteredById: e.userId,
    },
  });
  await recordAudit(
    tx,
    { orgId: e.orgId, userId: e.userId },
    {
      kind: "ledger.recorded",
      payload: {
        entryId: entry.id,
        entryKind: e.kind,
        customerId: e.customerId,
        invoiceId: e.invoiceId,
        paymentId: e.paymentId ?? null,
        currency: e.currency,
        amountMinor: e.amountMinor,
        number: e.number ?? null,
        reason: e.reason,
        effectiveOn: e.effectiveOn,
      },
    },
  );
  const caseClosed = await closeCaseIfSettled(tx, {
    orgId: e.orgId,
    customerId: e.customerId,
    currency: e.currency,
    today: e.today,
    userId: e.userId,
    now: e.now,
  });
  return { entryId: entry.id, caseClosed };
}
