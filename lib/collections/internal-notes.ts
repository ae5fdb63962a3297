import { requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";

// Internal remarks about an account: what the team knows, never what was said
// to the customer. A table of their own, so no letter, hand-off pack or
// statement (which read contact_attempts) can pick one up. Append-only.

export async function addInternalNote(
  db: Db,
  input: { orgId: string; actor: Actor; customerId: string; body: string },
): Promise<{ noteId: string; customerId: string }> {
  assertCanWork(input.actor);
  const body = requireText(input.body, "body", "the note", 4000);
  return db.$transaction(async (tx) => {
    const customer = await getCustomerOrThrow(tx, input);
    const note = await tx.internalNote.create({
      data: { orgId: input.orgId, customerId: customer.id, userId: input.actor.userId, body },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "internal_note.added", payload: { noteId: note.id, customerId: customer.id } },
    );
    return { noteId: note.id, customerId: customer.id };
  });
}

export interface InternalNoteRow {
  id: string;
  body: string;
  at: Date;
  by: string;
}

/** A customer's internal notes, newest first (the most recent 100). */
export async function listInternalNotes(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string },
): Promise<InternalNoteRow[]> {
  const notes = await tx.internalNote.findMany({
    where: { orgId: opts.orgId, customerId: opts.customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, body: true, createdAt: true, user: { select: { name: true } } },
  });
  return notes.map((n) => ({ id: n.id, body: n.body, at: n.createdAt, by: n.user.name }));
}
