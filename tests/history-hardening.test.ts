import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/events";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { verifyAnchoredHistory } from "@/lib/history/verify-anchored";
import { listHistoryTables, verifyHistory } from "@/lib/history/verify-history";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { ownerConnection, useTestDb } from "./db";
import { createContactAttempt, createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Issue 22, finding 10: the app's role sets session settings the owner's flush used to
// trust (history.dirty, history.head_<org>).
const db = useTestDb();

const head = (orgId: string) =>
  db.$queryRaw<{ seq: bigint; head_hash: string }[]>`
    SELECT seq, head_hash FROM history_chain_heads WHERE org_id = ${orgId}::uuid`.then((r) => r[0]);

async function note(orgId: string) {
  await recordAudit(db, { orgId, userId: null }, { kind: "user.signed_in", payload: { email: "a@b.test" } });
}

describe("the history chain's head follows only inserted rows", () => {
  it("cannot be moved for another organization through the session settings", async () => {
    const a = await createOrg(db);
    const b = await createOrg(db);
    await note(a.id);
    await note(b.id);
    const before = await head(b.id);
    const forged = `999:${"f".repeat(64)}`;
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('history.dirty', ${`${b.id},`}, true)`;
      await tx.$executeRaw`SELECT set_config(${`history.head_${b.id.replace(/-/g, "")}`}, ${forged}, true)`;
      await recordAudit(tx, { orgId: a.id, userId: null }, { kind: "user.signed_in", payload: { email: "a@b.test" } });
    });
    expect(await head(b.id)).toEqual(before);
    expect(await verifyHistory(db, { orgId: b.id })).toMatchObject({ ok: true });
  });

  it("ignores a forged cache of the organization's own head: the next entry still links to the last", async () => {
    const a = await createOrg(db);
    await note(a.id);
    const before = await head(a.id);
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config(${`history.head_${a.id.replace(/-/g, "")}`}, ${`999:${"f".repeat(64)}`}, true)`;
      await recordAudit(tx, { orgId: a.id, userId: null }, { kind: "user.signed_in", payload: { email: "a@b.test" } });
    });
    expect((await head(a.id)).seq).toBe(before.seq + 1n);
    expect(await verifyHistory(db, { orgId: a.id })).toMatchObject({ ok: true });
  });

  it("still chains many rows of one statement and several statements of one transaction", async () => {
    const a = await createOrg(db);
    await db.$transaction(async (tx) => {
      await tx.auditEvent.createMany({
        data: Array.from({ length: 50 }, () => ({
          orgId: a.id,
          kind: "user.signed_in",
          payload: { email: "a@b.test" },
        })),
      });
      await recordAudit(tx, { orgId: a.id, userId: null }, { kind: "user.signed_in", payload: { email: "a@b.test" } });
    });
    expect((await head(a.id)).seq).toBe(51n);
    expect(await verifyHistory(db, { orgId: a.id })).toMatchObject({ ok: true, checked: 51 });
  });
});

// Issue 22, finding 5: as the database owner, rewrite a contact note, re-hash the chain
// from there and delete the checkpoints from there: the chain verifies, and there is no
// signature left to contradict it. Every letter and pack has a checkpoint by construction,
// so one missing is the tell.

/** As the owner: change a note, re-hash every entry from it on, and delete the checkpoints from it on. */
async function rewriteAndHide(orgId: string, contactId: string) {
  const HISTORY = await listHistoryTables(db);
  await ownerConnection(async (c) => {
    await c.query("BEGIN");
    await c.query("SET LOCAL session_replication_role = replica");
    const { rows } = await c.query<{ seq: string }>(
      "UPDATE contact_attempts SET note = 'Customer agreed to pay nothing.' WHERE id = $1 RETURNING seq",
      [contactId],
    );
    const from = rows[0].seq;
    await c.query(`
      DO $$
      DECLARE e record; prev text;
      BEGIN
        SELECT head_hash INTO prev FROM (${HISTORY.map((t) => `SELECT seq, entry_hash AS head_hash FROM ${t} WHERE org_id = '${orgId}'`).join(" UNION ALL ")}) x
          WHERE seq = ${from} - 1;
        prev := coalesce(prev, repeat('0', 64));
        FOR e IN SELECT * FROM (${HISTORY.map((t) => `SELECT '${t}'::text AS tbl, id, seq FROM ${t} WHERE org_id = '${orgId}' AND seq >= ${from}`).join(" UNION ALL ")}) x ORDER BY seq LOOP
          EXECUTE format('UPDATE %I t SET prev_hash = $1 WHERE id = $2', e.tbl) USING prev, e.id;
          EXECUTE format('UPDATE %I t SET entry_hash = history_entry_hash(t.prev_hash, %L, t.seq, history_canonical(t)) WHERE id = $1 RETURNING entry_hash', e.tbl, e.tbl)
            INTO prev USING e.id;
        END LOOP;
        UPDATE history_chain_heads SET head_hash = prev WHERE org_id = '${orgId}';
      END $$`);
    await c.query("DELETE FROM history_checkpoints WHERE org_id = $1 AND seq >= $2", [orgId, from]);
    await c.query("COMMIT");
  });
}

async function accountWithHistory() {
  const org = await createOrg(db);
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { currency: "EUR" });
  await createInvoice(db, customer, { amountMinor: 120000, dueDate: "2026-11-01", issueDate: "2026-10-02" });
  const contact = await createContactAttempt(db, customer, {
    occurredAt: instantAt("2026-11-02", "10:00", "Europe/Oslo"),
    note: "Customer promised to pay on Friday.",
  });
  return { org, collector, customer, contact };
}

describe("every letter and pack keeps its checkpoint", () => {
  it("flags a letter whose checkpoint was deleted after the chain was rewritten and re-hashed", async () => {
    const { org, collector, customer, contact } = await accountWithHistory();
    const sent = await sendNextLetter(db, {
      orgId: org.id,
      customerId: customer.id,
      currency: "EUR",
      stage: 1,
      actor: { userId: collector.id, role: "COLLECTOR" },
      now: instantAt("2026-11-05", "10:00", "Europe/Oslo"),
    });
    expect(await verifyAnchoredHistory(db, { orgId: org.id })).toMatchObject({ ok: true, letters: 1 });
    await rewriteAndHide(org.id, contact.id);
    // The chain alone is consistent again: that is the attack.
    expect(await verifyHistory(db, { orgId: org.id })).toMatchObject({ ok: true });
    const result = await verifyAnchoredHistory(db, { orgId: org.id });
    expect(result).toMatchObject({
      ok: false,
      checkpoints: 0,
      firstMismatch: { table: "letters", id: sent.letterId, reason: expect.stringMatching(/checkpoints were deleted/) },
    });
  });

  it("flags a hand-off pack whose checkpoint was deleted", async () => {
    const { org, collector, customer, contact } = await accountWithHistory();
    await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: { userId: collector.id, role: "COLLECTOR" },
      now: instantAt("2026-11-06", "10:00", "Europe/Oslo"),
    });
    expect(await verifyAnchoredHistory(db, { orgId: org.id })).toMatchObject({ ok: true, letters: 0, packs: 1 });
    await rewriteAndHide(org.id, contact.id);
    expect(await verifyHistory(db, { orgId: org.id })).toMatchObject({ ok: true });
    expect(await verifyAnchoredHistory(db, { orgId: org.id })).toMatchObject({
      ok: false,
      firstMismatch: {
        table: "audit_events",
        reason: expect.stringMatching(/hand-off pack made under signed checkpoint #\d+/),
      },
    });
  });
});
