import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resolveDispute } from "@/lib/collections/disputes";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { recordPlan } from "@/lib/collections/record-plan";
import { recordPromise } from "@/lib/collections/record-promise";
import { verifyHistory } from "@/lib/history/verify-history";
import { addDaysTo, clockNow } from "@/lib/time/dates";
import { actionFixture } from "./action-table";
import { ownerConnection, useTestDb } from "./db";

const db = useTestDb();

/** An organization with a promise, a plan, an opened and a resolved dispute, a hand-off and account events. */
async function collectionsHistory() {
  const fx = await actionFixture(db, ["dispute", "handedOver"]);
  const actor: Actor = { userId: fx.users.COLLECTOR.id, role: "COLLECTOR" };
  const account = { orgId: fx.org.id, actor, customerId: fx.customer.id, currency: "EUR", now: clockNow() };
  const { promiseId } = await recordPromise(db, { ...account, amount: "100", promisedFor: addDaysTo(fx.today, 5) });
  const { planId } = await recordPlan(db, {
    ...account,
    instalments: [{ dueOn: addDaysTo(fx.today, 20), amount: "200" }],
  });
  await resolveDispute(db, {
    orgId: fx.org.id,
    actor,
    disputeId: fx.disputeId,
    note: "Credit note agreed.",
    now: clockNow(),
  });
  const { handoffId } = await recordHandoff(db, {
    ...account,
    customerId: fx.handedOver.id,
    agency: "Nordic Recovery AS",
    reference: "NR-1",
    handedOverOn: fx.today,
    amount: "900",
  });
  const event = await db.accountEvent.findFirstOrThrow({ where: { orgId: fx.org.id, disputeId: fx.disputeId } });
  return {
    fx,
    rows: {
      payment_promises: promiseId,
      payment_plans: planId,
      invoice_disputes: fx.disputeId,
      agency_handoffs: handoffId,
      account_events: event.id,
    },
  };
}

const TABLES = ["payment_promises", "payment_plans", "invoice_disputes", "agency_handoffs", "account_events"] as const;

describe("collections history joins the tamper-evident chain", () => {
  it("chains promises, plans, disputes, hand-offs and account events with the organization's other history", async () => {
    const { fx, rows } = await collectionsHistory();
    const head = await db.historyChainHead.findUniqueOrThrow({ where: { orgId: fx.org.id } });
    expect(await verifyHistory(db, { orgId: fx.org.id })).toEqual({ ok: true, checked: Number(head.seq) });
    await ownerConnection(async (c) => {
      for (const table of TABLES) {
        const {
          rows: [row],
        } = await c.query(`SELECT seq, prev_hash, entry_hash FROM ${table} WHERE id = $1`, [rows[table]]);
        expect(Number(row.seq), table).toBeGreaterThan(0);
        expect(row.entry_hash, table).toMatch(/^[0-9a-f]{64}$/);
        expect(row.prev_hash, table).toMatch(/^[0-9a-f]{64}$/);
      }
    });
  });

  it("PostgreSQL refuses UPDATE, DELETE and TRUNCATE of them, whoever asks", async () => {
    // The app's role is refused twice over: it lacks the grant (lib/db/app-role.ts) and the trigger refuses everyone.
    const { fx, rows } = await collectionsHistory();
    await expect(
      db.paymentPromise.update({ where: { id: rows.payment_promises }, data: { amountMinor: 1n } }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(db.paymentPlan.delete({ where: { id: rows.payment_plans } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(
      db.invoiceDispute.updateMany({ where: { orgId: fx.org.id }, data: { note: "never disputed" } }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      db.agencyHandoff.update({ where: { id: rows.agency_handoffs }, data: { agency: "Someone else" } }),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(db.accountEvent.deleteMany({ where: { orgId: fx.org.id } })).rejects.toThrow(
      /permission denied|append-only/,
    );
    await ownerConnection(async (c) => {
      await expect(
        c.query(`UPDATE payment_promises SET promised_for = promised_for + 30 WHERE id = $1`, [rows.payment_promises]),
      ).rejects.toThrow(/append-only/);
      for (const table of TABLES)
        await expect(c.query(`TRUNCATE ${table} CASCADE`), table).rejects.toThrow(/append-only/);
    });
    expect((await db.paymentPromise.findUniqueOrThrow({ where: { id: rows.payment_promises } })).amountMinor).toBe(
      10_000n,
    );
    expect(await verifyHistory(db, { orgId: fx.org.id })).toMatchObject({ ok: true });
  });

  it.each(TABLES)("names a row of %s edited behind the app's back", async (table) => {
    const { fx, rows } = await collectionsHistory();
    await ownerConnection(async (c) => {
      await c.query("BEGIN");
      await c.query(`ALTER TABLE ${table} DISABLE TRIGGER history_append_only`);
      await c.query(`UPDATE ${table} SET created_at = created_at - interval '1 day' WHERE id = $1`, [rows[table]]);
      await c.query(`ALTER TABLE ${table} ENABLE TRIGGER history_append_only`);
      await c.query("COMMIT");
    });
    expect(await verifyHistory(db, { orgId: fx.org.id })).toMatchObject({
      ok: false,
      firstMismatch: { table, id: rows[table], reason: expect.stringMatching(/changed/) },
    });
  });
});
