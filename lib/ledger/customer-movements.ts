import { getCustomerCredits } from "@/lib/aging/account-credit";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export type MovementKind =
  | "payment"
  | "unapplied_payment"
  | "credit_note"
  | "write_off"
  | "payment_reversal"
  | "credit_applied"
  | "due_date_extension";

/** One money movement or due-date change of a customer, for the invoice table and the history. */
export interface Movement {
  id: string;
  kind: MovementKind;
  invoiceId: string | null;
  invoiceNumber: string | null;
  /** When it was entered (orders the history). */
  at: Date;
  /** Its accounting date: received, issued, written off, reversed, applied; an extension's new due date. */
  on: DateOnly;
  /** Minor units; 0 for an extension. Positive: what it did in its own terms (a reversal's amount is what it took back). */
  amount: number;
  currency: string;
  number: string | null;
  reason: string;
  by: string;
  /** A payment already reversed (so the page offers no second reversal). */
  reversed: boolean;
  /** Extensions: the due date it replaced. */
  previousDueDate: DateOnly | null;
}

const LEDGER_KIND = {
  CREDIT_NOTE: "credit_note",
  WRITE_OFF: "write_off",
  PAYMENT_REVERSAL: "payment_reversal",
  CREDIT_APPLIED: "credit_applied",
} as const;

/** Every payment, ledger entry and due-date extension of a customer, oldest first (at most `limit` of each). */
export async function getCustomerMovements(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; limit?: number },
): Promise<Movement[]> {
  const where = { orgId: opts.orgId, customerId: opts.customerId };
  const take = opts.limit ?? 500;
  const by = { select: { name: true } };
  const invoice = { select: { number: true } };
  const payments = await tx.payment.findMany({
    where,
    take,
    orderBy: { createdAt: "asc" },
    include: { enteredBy: by, invoice, ledgerEntries: { where: { kind: "PAYMENT_REVERSAL" }, select: { id: true } } },
  });
  const entries = await tx.ledgerEntry.findMany({
    where,
    take,
    orderBy: { createdAt: "asc" },
    include: { enteredBy: by, invoice },
  });
  const extensions = await tx.dueDateExtension.findMany({
    where,
    take,
    orderBy: { createdAt: "asc" },
    include: { enteredBy: by, invoice },
  });
  const movements: Movement[] = [
    ...payments.map((p) => ({
      id: p.id,
      kind: (p.invoiceId ? "payment" : "unapplied_payment") as MovementKind,
      invoiceId: p.invoiceId,
      invoiceNumber: p.invoice?.number ?? null,
      at: p.createdAt,
      on: dateOnlyFromDb(p.receivedOn),
      amount: toMinor(p.amountMinor),
      currency: p.currency,
      number: p.reference || null,
      reason: p.method,
      by: p.enteredBy?.name ?? "Import",
      reversed: p.ledgerEntries.length > 0,
      previousDueDate: null,
    })),
    ...entries.map((e) => ({
      id: e.id,
      kind: LEDGER_KIND[e.kind] as MovementKind,
      invoiceId: e.invoiceId,
      invoiceNumber: e.invoice?.number ?? null,
      at: e.createdAt,
      on: dateOnlyFromDb(e.effectiveOn),
      amount: toMinor(e.amountMinor),
      currency: e.currency,
      number: e.number,
      reason: e.reason,
      by: e.enteredBy?.name ?? "Import",
      reversed: false,
      previousDueDate: null,
    })),
    ...extensions.map((x) => ({
      id: x.id,
      kind: "due_date_extension" as MovementKind,
      invoiceId: x.invoiceId,
      invoiceNumber: x.invoice.number,
      at: x.createdAt,
      on: dateOnlyFromDb(x.newDueDate),
      amount: 0,
      currency: "",
      number: null,
      reason: x.reason,
      by: x.enteredBy?.name ?? "System",
      reversed: false,
      previousDueDate: dateOnlyFromDb(x.previousDueDate),
    })),
  ];
  return movements.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** A movement in one English line, for the invoice table and the history. */
export function describeMovement(
  m: Movement,
  f: { money: (minor: number, currency: string) => string; day: (d: DateOnly) => string },
): string {
  const amount = f.money(m.amount, m.currency);
  const on = (inv: string | null) => (inv ? ` on ${inv}` : "");
  switch (m.kind) {
    case "payment":
      return `Payment of ${amount}${on(m.invoiceNumber)} received ${f.day(m.on)}${m.reversed ? " (reversed)" : ""}`;
    case "unapplied_payment":
      return `Unapplied payment of ${amount} received ${f.day(m.on)}, kept as credit on the account${m.reversed ? " (reversed)" : ""}`;
    case "credit_note":
      return `Credit note ${m.number} of ${amount}${m.invoiceId ? on(m.invoiceNumber) : " on the account"}, issued ${f.day(m.on)}`;
    case "write_off":
      return `Write-off of ${amount}${on(m.invoiceNumber)}`;
    case "payment_reversal":
      return `Payment of ${amount}${on(m.invoiceNumber)} reversed`;
    case "credit_applied":
      return `Account credit of ${amount} applied${on(m.invoiceNumber)}`;
    case "due_date_extension":
      return `Due date of ${m.invoiceNumber} extended from ${f.day(m.previousDueDate ?? m.on)} to ${f.day(m.on)}`;
  }
}

/** The customer page's ledger: movements and the account credit per currency as of today. */
export async function getCustomerLedger(tx: DbOrTx, opts: { orgId: string; customerId: string; today: DateOnly }) {
  const movements = await getCustomerMovements(tx, opts);
  const credits = await getCustomerCredits(tx, { ...opts, asOf: opts.today });
  return { movements, credits };
}
