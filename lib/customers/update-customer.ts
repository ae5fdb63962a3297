import { recordAudit } from "@/lib/audit/events";
import { fieldChanges } from "@/lib/audit/field-changes";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { countryName } from "@/lib/iso/codes";
import { type CustomerFields, customerColumns } from "./customer-fields";
import { customerData, DUPLICATE_REFERENCE, fieldValues, rowValues } from "./customer-row";
import { assertPauseEndNotPast } from "./pause-end";

/**
 * Corrects a customer, audited with the values before and after. Letters
 * already sent are rows of their own with their text, letterhead and PDF
 * source: nothing here touches them. Pausing or resuming dunning marks the
 * account work stale (trigger), so the worklist judges the account again.
 */
export async function updateCustomer(
  db: Db,
  opts: { orgId: string; actor: Actor; ip?: string; customerId: string; fields: CustomerFields },
): Promise<{ changed: string[] }> {
  assertCanWork(opts.actor, "customers");
  return db
    .$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM customers WHERE id = ${opts.customerId}::uuid AND org_id = ${opts.orgId}::uuid FOR UPDATE`;
      if (!locked) throw notFound("That customer");
      const current = await tx.customer.findUniqueOrThrow({ where: { id: opts.customerId } });
      const { before, after } = fieldChanges(rowValues(current), fieldValues(opts.fields));
      const changed = Object.keys(after);
      if (!changed.length) return { changed };
      // A pause end set earlier may have passed; only a newly set one must lie ahead.
      if ("dunningPausedUntil" in after)
        await assertPauseEndNotPast(tx, { orgId: opts.orgId, until: customerColumns(opts.fields).dunningPausedUntil });
      const data = customerData(opts.fields);
      // The free-text country line follows a new country code; otherwise it stays as written.
      const country = "countryCode" in after ? { country: countryName(opts.fields.countryCode) } : {};
      await tx.customer.update({ where: { id: opts.customerId }, data: { ...data, ...country } });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
        {
          kind: "customer.updated",
          payload: { customerId: current.id, reference: opts.fields.reference, before, after },
        },
      );
      return { changed };
    })
    .catch((error: unknown) => {
      if ((error as { code?: string })?.code === "P2002")
        throw new AppError("CONFLICT", DUPLICATE_REFERENCE, { reference: [DUPLICATE_REFERENCE] });
      throw error;
    });
}
