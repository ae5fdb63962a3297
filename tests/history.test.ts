import { describe, expect, inject, it } from "vitest";
import { recordAudit } from "@/lib/audit/events";
import { createDb } from "@/lib/db/client";
import { verifyHistory } from "@/lib/history/verify-history";
import { ownerConnection, useTestDb } from "./db";
import { createContactAttempt, createCustomer, createLetter, createOrg } from "./factories";

const db = useTestDb();

async function seedHistory() {
  const org = await createOrg(db);
  const customer = await createCustomer(db, org.id);
  const first = await createContactAttempt(db, customer, { note: "Called, no answer." });
  const letter = await createLetter(db, customer);
  await recordAudit(db, { orgId: org.id }, { kind: "demo.seeded", payload: { customers: 1, invoices: 0 } });
  const second = await createContactAttempt(db, customer, { note: "Spoke to Pat; promised to pay Friday." });
  return { org, customer, first, letter, second };
}

describe("history chain", () => {
  it("chains every entry of an organization across tables and verifies", async () => {
    const { org, first, letter, second } = await seedHistory();
    expect([first.seq, letter.seq, second.seq]).toEqual([1n, 2n, 4n]);
    expect(first.prevHash).toBe("0".repeat(64));
    expect(letter.prevHash).toBe(first.entryHash);
    expect(first.entryHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyHistory(db, { orgId: org.id })).toEqual({ ok: true, checked: 4 });
    // Another organization has its own chain, starting at 1.
    const other = await seedHistory();
    expect(other.first.seq).toBe(1n);
    expect(await verifyHistory(db, { orgId: other.org.id })).toEqual({ ok: true, checked: 4 });
  });

  it("verifies the same whatever the session time zone", async () => {
    const { org } = await seedHistory();
    const result = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL timezone = 'America/New_York'");
      return verifyHistory(tx, { orgId: org.id });
    });
    expect(result).toEqual({ ok: true, checked: 4 });
  });

  it("keeps a valid chain under concurrent inserts from parallel connections", async () => {
    const org = await createOrg(db);
    const customer = await createCustomer(db, org.id);
    const clients = Array.from({ length: 6 }, () => createDb(inject("testDatabaseUrl")));
    try {
      await Promise.all(
        clients.map(async (client, i) => {
          for (let n = 0; n < 15; n++) {
            if (n % 3 === 0)
              await recordAudit(
                client,
                { orgId: org.id },
                { kind: "demo.seeded", payload: { customers: i, invoices: n } },
              );
            else await createContactAttempt(client, customer, { note: `worker ${i} entry ${n}` });
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.$disconnect()));
    }
    expect(await verifyHistory(db, { orgId: org.id })).toEqual({ ok: true, checked: 90 });
    const head = await db.historyChainHead.findUniqueOrThrow({ where: { orgId: org.id } });
    expect(head.seq).toBe(90n);
  });

  it("chains bulk inserts and several statements in one transaction, and stores the head once per statement", async () => {
    const org = await createOrg(db);
    const customer = await createCustomer(db, org.id);
    await db.$transaction(async (tx) => {
      await tx.contactAttempt.createMany({
        data: Array.from({ length: 50 }, (_, i) => ({
          orgId: org.id,
          customerId: customer.id,
          occurredAt: new Date(),
          channel: "EMAIL" as const,
          direction: "OUTBOUND" as const,
          outcome: "SENT" as const,
          note: `bulk ${i}`,
        })),
      });
      expect((await tx.historyChainHead.findUniqueOrThrow({ where: { orgId: org.id } })).seq).toBe(50n);
      await recordAudit(tx, { orgId: org.id }, { kind: "demo.seeded", payload: { customers: 1, invoices: 50 } });
      await createContactAttempt(tx, customer);
    });
    expect(await verifyHistory(db, { orgId: org.id })).toEqual({ ok: true, checked: 52 });
    expect((await db.historyChainHead.findUniqueOrThrow({ where: { orgId: org.id } })).seq).toBe(52n);
  });

  it("verifies cleanly while entries are being added", async () => {
    const { org, customer } = await seedHistory();
    const writer = createDb(inject("testDatabaseUrl"));
    let writing = true;
    const writes = (async () => {
      while (writing) await createContactAttempt(writer, customer, { note: "written during verification" });
    })();
    try {
      for (let i = 0; i < 15; i++) expect(await verifyHistory(db, { orgId: org.id })).toMatchObject({ ok: true });
    } finally {
      writing = false;
      await writes;
      await writer.$disconnect();
    }
  });

  it("a rolled-back insert leaves no gap", async () => {
    const { org, customer } = await seedHistory();
    await expect(
      db.$transaction(async (tx) => {
        await createContactAttempt(tx, customer);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await createContactAttempt(db, customer);
    expect(await verifyHistory(db, { orgId: org.id })).toEqual({ ok: true, checked: 5 });
  });

  it("PostgreSQL refuses UPDATE, DELETE and TRUNCATE of history, whoever asks", async () => {
    // The app's role is refused twice over: it lacks the grant (lib/db/app-role.ts) and the trigger refuses everyone.
    const { first, letter } = await seedHistory();
    await expect(db.contactAttempt.update({ where: { id: first.id }, data: { note: "edited" } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.contactAttempt.delete({ where: { id: first.id } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.letter.update({ where: { id: letter.id }, data: { body: "rewritten" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditEvent.deleteMany({ where: { orgId: first.orgId } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await ownerConnection(async (c) => {
      await expect(c.query(`UPDATE contact_attempts SET note = 'x' WHERE id = $1`, [first.id])).rejects.toThrow(
        /append-only/,
      );
      await expect(c.query(`TRUNCATE audit_events CASCADE`)).rejects.toThrow(/append-only/);
    });
    expect((await db.contactAttempt.findUniqueOrThrow({ where: { id: first.id } })).note).toBe("Called, no answer.");
  });

  it("records a correction as a new entry pointing at the original", async () => {
    const { org, customer, first } = await seedHistory();
    const correction = await createContactAttempt(db, customer, {
      note: "Correction: it was a voicemail.",
      correctsId: first.id,
    });
    expect(correction.correctsId).toBe(first.id);
    expect(await db.contactAttempt.count({ where: { correctsId: first.id } })).toBe(1);
    expect(await verifyHistory(db, { orgId: org.id })).toEqual({ ok: true, checked: 5 });
  });

  it("names the entry edited behind the app's back", async () => {
    const { org, first, second } = await seedHistory();
    await ownerConnection(async (c) => {
      await c.query("BEGIN");
      await c.query(`ALTER TABLE contact_attempts DISABLE TRIGGER history_append_only`);
      await c.query(`UPDATE contact_attempts SET note = 'Spoke to Pat; paid in full.' WHERE id = $1`, [second.id]);
      await c.query(`ALTER TABLE contact_attempts ENABLE TRIGGER history_append_only`);
      await c.query("COMMIT");
    });
    const result = await verifyHistory(db, { orgId: org.id });
    expect(result).toMatchObject({
      ok: false,
      checked: 4,
      firstMismatch: { table: "contact_attempts", id: second.id, seq: 4, reason: expect.stringMatching(/changed/) },
    });
    expect(result.firstMismatch?.createdAt).toEqual(second.createdAt);
    expect(first.id).not.toBe(second.id);
  });

  it("names the entry after one deleted behind the app's back, and notices a missing newest entry", async () => {
    const { org, letter, second } = await seedHistory();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
    await ownerConnection(async (c) => {
      await c.query("BEGIN");
      await c.query(`ALTER TABLE audit_events DISABLE TRIGGER history_append_only`);
      await c.query(`DELETE FROM audit_events WHERE id = $1`, [audit.id]);
      await c.query(`ALTER TABLE audit_events ENABLE TRIGGER history_append_only`);
      await c.query(`ALTER TABLE contact_attempts DISABLE TRIGGER history_append_only`);
      await c.query(`DELETE FROM contact_attempts WHERE id = $1`, [second.id]);
      await c.query(`ALTER TABLE contact_attempts ENABLE TRIGGER history_append_only`);
      await c.query("COMMIT");
    });
    // Entry 3 (the audit event) is gone: entry 4 is gone too, so the tail is what shows.
    const result = await verifyHistory(db, { orgId: org.id });
    expect(result).toMatchObject({
      ok: false,
      checked: 2,
      firstMismatch: { table: "history_chain_heads", reason: expect.stringMatching(/newest entries are missing/) },
    });
    expect(letter.seq).toBe(2n);
  });

  it("names the entry following a deleted one", async () => {
    const { org, letter, second } = await seedHistory();
    await ownerConnection(async (c) => {
      await c.query("BEGIN");
      await c.query(`ALTER TABLE letters DISABLE TRIGGER history_append_only`);
      await c.query(`DELETE FROM letters WHERE id = $1`, [letter.id]);
      await c.query(`ALTER TABLE letters ENABLE TRIGGER history_append_only`);
      await c.query("COMMIT");
    });
    const result = await verifyHistory(db, { orgId: org.id });
    expect(result.firstMismatch).toMatchObject({
      table: "audit_events",
      seq: 3,
      reason: expect.stringMatching(/missing/),
    });
    expect(second.seq).toBe(4n);
  });
});
