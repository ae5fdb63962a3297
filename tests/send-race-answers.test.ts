import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, afterEach, describe, expect, inject, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { sendLetterAction } from "@/lib/letters/actions";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Issue 14, item 10: of 100 concurrent sends to one account, 59 answered
// "Something went wrong" (a transaction that waited too long for the pool).
const db = useTestDb();
// A small pool, so that most senders wait for a connection longer than a transaction may.
const small = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("testDatabaseUrl"), max: 2 }) });
afterAll(() => small.$disconnect());
afterEach(() => {
  delete process.env.DUNNING_FROZEN_NOW;
});

describe("concurrent sends to one account", () => {
  it("store one letter, and every loser is told who sent it or to try again", async () => {
    process.env.DUNNING_FROZEN_NOW = "2026-11-05T09:00:00.000Z";
    const org = await createOrg(db);
    const customer = await createCustomer(db, org.id, { name: "Beta SpA", currency: "EUR" });
    await createInvoice(db, customer, {
      amountMinor: 120000,
      dueDate: "2026-11-01",
      issueDate: "2026-10-02",
      number: "INV-R1",
    });
    const sender = await createUser(db, org.id, "COLLECTOR");
    const ctx = { ...(await actionContextFor(db, sender.id)), db: small };
    const input = { customerId: customer.id, currency: "EUR", stage: "1" };
    const results = await Promise.all(Array.from({ length: 60 }, () => runAction(sendLetterAction, ctx, input)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const answers = new Set(results.filter((r) => !r.ok).map((r) => r.message.replace(/ on .*/, " on ...")));
    for (const answer of answers) {
      expect(answer).toMatch(
        /^(Letter 1 was already sent by .+ on \.\.\.|The system is busy right now; nothing was changed\. Try again in a moment\.)$/,
      );
    }
    expect(await db.letter.count({ where: { customerId: customer.id } })).toBe(1);
  }, 120_000);
});
