import { invalid, parseDay, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";
import { inLedgerTransaction, lockInvoiceOrThrow, orgDay } from "./ledger-tx";

/**
 * Moves an open invoice's due date later as an event with its reason: the
 * extension row keeps the date it replaces (the first one keeps the original),
 * and a trigger moves invoices.due_date, so aging, the accounts table and the
 * worklist use the new date from today on. Aging as of an earlier day still
 * uses the date in force then.
 */
export async function extendDueDate(
  db: Db,
  input: { orgId: string; actor: Actor; invoiceId: string; newDueDate: DateOnly; reason: string; now: Date },
) {
  assertCanWork(input.actor);
  const newDueDate = parseDay(input.newDueDate, "newDueDate");
  const reason = requireText(input.reason, "reason", "why the due date moves");
  return inLedgerTransaction(db, async (tx) => {
    const { today, day } = await orgDay(tx, input.orgId, input.now);
    const invoice = await lockInvoiceOrThrow(tx, input);
    if (invoice.open === 0)
      throw invalid("invoiceId", `Invoice ${invoice.number} is paid in full; its due date no longer matters.`);
    if (newDueDate <= invoice.dueDate)
      throw invalid("newDueDate", `Choose a date after the current due date, ${day(invoice.dueDate)}.`);
    const extension = await tx.dueDateExtension.create({
      data: {
        orgId: input.orgId,
        customerId: invoice.customerId,
        invoiceId: invoice.id,
        previousDueDate: dateOnlyToDb(invoice.dueDate),
        newDueDate: dateOnlyToDb(newDueDate),
        reason,
        recordedOn: dateOnlyToDb(today),
        enteredById: input.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "due_date.extended",
        payload: {
          extensionId: extension.id,
          invoiceId: invoice.id,
          customerId: invoice.customerId,
          from: invoice.dueDate,
          to: newDueDate,
          reason,
        },
      },
    );
    return { extensionId: extension.id, customerId: invoice.customerId };
  });
}
