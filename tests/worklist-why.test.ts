import { describe, expect, it } from "vitest";
import { explainWorklistAccount, listWorklist } from "@/lib/collections/list-worklist";
import { dateOnlyToDb } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const now = instantAt("2026-12-07", "10:00", "Europe/Oslo");

// A worklist row shows its main reason; the rest and the policy load when it is opened
// (GET /api/worklist/why): the same judgement, worded for the same day, as the list's.
describe("why an account is on the worklist, loaded when its row opens", () => {
  it("gives the list's reasons, the call-back due and the policy; markers come with the page's rows", async () => {
    const org = await createOrg(db);
    const collector = await createUser(db, org.id, "COLLECTOR");
    const customer = await createCustomer(db, org.id, { name: "Why Oy", currency: "EUR" });
    await db.customer.update({ where: { id: customer.id }, data: { assignedUserId: collector.id } });
    await createInvoice(db, customer, { amountMinor: 120_000, dueDate: "2026-10-20" });
    await db.followUp.create({
      data: { orgId: org.id, customerId: customer.id, dueOn: dateOnlyToDb("2026-12-05"), note: "Call Pat" },
    });
    // A cancelled call-back does not count.
    await db.followUp.create({
      data: {
        orgId: org.id,
        customerId: customer.id,
        dueOn: dateOnlyToDb("2026-12-01"),
        note: "Not needed",
        cancelledAt: now,
        cancelledById: collector.id,
      },
    });

    const list = await listWorklist(db, { orgId: org.id, now });
    expect(list.total).toBe(1);
    const [item] = list.items;
    expect(item).toMatchObject({ customerId: customer.id, currency: "EUR", callBackDue: "2026-12-05" });
    expect(item.assignedTo).toBeTruthy();
    expect(item.reasons.at(-1)).toBe("Call-back due since 2026-12-05");
    expect(item.reasons.length).toBeGreaterThan(1);

    const why = await explainWorklistAccount(db, { orgId: org.id, now, customerId: customer.id, currency: "EUR" });
    expect(why).toEqual({ reasons: item.reasons, policy: item.policy });

    // "My accounts" counts only the collector's; the other user has none.
    const other = await createUser(db, org.id, "COLLECTOR");
    expect((await listWorklist(db, { orgId: org.id, now, assignedTo: collector.id })).total).toBe(1);
    expect((await listWorklist(db, { orgId: org.id, now, assignedTo: other.id })).total).toBe(0);
  });

  it("says nothing for an account with nothing to do, another currency or another organization's customer", async () => {
    const org = await createOrg(db);
    const stranger = await createOrg(db);
    const customer = await createCustomer(db, org.id, { currency: "EUR" });
    await createInvoice(db, customer, { amountMinor: 50_000, dueDate: "2026-10-20" });
    const paidUp = await createCustomer(db, org.id, { currency: "EUR" });
    await createInvoice(db, paidUp, { amountMinor: 50_000, dueDate: "2027-01-20" });

    expect(await explainWorklistAccount(db, { orgId: org.id, now, customerId: customer.id, currency: "EUR" })).not.toBe(
      null,
    );
    expect(await explainWorklistAccount(db, { orgId: org.id, now, customerId: paidUp.id, currency: "EUR" })).toBe(null);
    expect(await explainWorklistAccount(db, { orgId: org.id, now, customerId: customer.id, currency: "NOK" })).toBe(
      null,
    );
    expect(
      await explainWorklistAccount(db, { orgId: stranger.id, now, customerId: customer.id, currency: "EUR" }),
    ).toBe(null);
  });
});
