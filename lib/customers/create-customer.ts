import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { countryName } from "@/lib/iso/codes";
import { type CustomerFields, customerColumns } from "./customer-fields";
import { customerData, DUPLICATE_REFERENCE, fieldValues } from "./customer-row";
import { assertPauseEndNotPast } from "./pause-end";

/** A customer entered by hand, audited with every value it starts with. */
export async function createCustomer(
  db: Db,
  opts: { orgId: string; actor: Actor; ip?: string; fields: CustomerFields },
) {
  assertCanWork(opts.actor, "customers");
  const duplicate = () => new AppError("CONFLICT", DUPLICATE_REFERENCE, { reference: [DUPLICATE_REFERENCE] });
  return db
    .$transaction(async (tx) => {
      await assertPauseEndNotPast(tx, { orgId: opts.orgId, until: customerColumns(opts.fields).dunningPausedUntil });
      const customer = await tx.customer.create({
        data: { orgId: opts.orgId, ...customerData(opts.fields), country: countryName(opts.fields.countryCode) },
      });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
        {
          kind: "customer.created",
          payload: { customerId: customer.id, reference: customer.reference, after: fieldValues(opts.fields) },
        },
      );
      return customer;
    })
    .catch((error: unknown) => {
      // The unique (org, reference) index decides, also between two people saving at once.
      if ((error as { code?: string })?.code === "P2002") throw duplicate();
      throw error;
    });
}
