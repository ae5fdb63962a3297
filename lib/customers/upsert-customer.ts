import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { createCustomer } from "./create-customer";
import { type CustomerFields, customerFieldsSchema } from "./customer-fields";
import { updateCustomer } from "./update-customer";

/** The fields an accounting system states about a customer; the dunning pause stays ours (set on the customer page). */
export type StatedCustomer = Omit<CustomerFields, "dunning" | "pauseReason" | "pauseUntil">;

export type CustomerUpsert = { customerId: string; outcome: "created" | "updated" | "unchanged"; changed: string[] };

/**
 * A customer as the accounting system states it, by its reference: created
 * when new, corrected field by field (audited before and after) when it
 * differs, untouched when nothing differs. The same field rules and messages
 * as the customer form (customerFieldsSchema); a paused account stays paused.
 */
export async function upsertCustomer(
  db: Db,
  opts: { orgId: string; actor: Actor; ip?: string; stated: StatedCustomer },
): Promise<CustomerUpsert> {
  const existing = await db.customer.findFirst({
    where: { orgId: opts.orgId, reference: opts.stated.reference },
    select: { id: true, dunningPausedReason: true, dunningPausedUntil: true },
  });
  const fields = checkFields({
    ...opts.stated,
    dunning: existing?.dunningPausedReason ? "paused" : "active",
    pauseReason: existing?.dunningPausedReason ?? "",
    pauseUntil: existing?.dunningPausedUntil ? dateOnlyFromDb(existing.dunningPausedUntil) : "",
  });
  if (!existing) {
    try {
      const created = await createCustomer(db, { ...opts, fields });
      return { customerId: created.id, outcome: "created", changed: [] };
    } catch (error) {
      // Another request created it meanwhile: this one is then an update of it.
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
      return upsertCustomer(db, opts);
    }
  }
  const { changed } = await updateCustomer(db, { ...opts, customerId: existing.id, fields });
  return { customerId: existing.id, outcome: changed.length ? "updated" : "unchanged", changed };
}

function checkFields(raw: Record<string, unknown>): CustomerFields {
  const parsed = customerFieldsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
  throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors);
}
