import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { previewNextLetter } from "@/lib/letters/preview-next-letter";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const at = (day: string, time = "10:00") => instantAt(day, time, "Europe/Oslo");

async function overdueAccount() {
  const org = await createOrg(db);
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { name: "Beta SpA", currency: "EUR" });
  const invoice = await createInvoice(db, customer, {
    amountMinor: 120000,
    dueDate: "2026-11-01",
    issueDate: "2026-10-02",
    number: `INV-${Math.random().toString(36).slice(2, 8)}`,
  });
  return { org, collector, customer, invoice, account: { orgId: org.id, customerId: customer.id, currency: "EUR" } };
}

describe("send next letter", () => {
  it("previews exactly what it then stores, with hash, contact attempt and audit", async () => {
    const { collector, customer, account, invoice, org } = await overdueAccount();
    const preview = await previewNextLetter(db, { ...account, now: at("2026-11-05") });
    expect(preview.action).toMatchObject({ kind: "letter", stage: 1, due: true });
    expect(preview.letter!.body).toContain(invoice.number);
    expect(preview.letter!.deadline).toBe("2026-11-19");
    expect(await db.letter.count({ where: { customerId: customer.id } })).toBe(0);

    const sent = await sendNextLetter(db, {
      ...account,
      actor: { userId: collector.id, role: "COLLECTOR" },
      stage: 1,
      now: at("2026-11-05"),
    });
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.body).toBe(preview.letter!.body);
    expect(letter.contentSha256).toBe(letterSha256(letter.subject, letter.body));
    expect(letter.invoices).toEqual([
      expect.objectContaining({ number: invoice.number, openMinor: 120000, daysPastDue: 4 }),
    ]);
    expect(letter.totalDueMinor).toBe(120000n);
    const attempts = await db.contactAttempt.findMany({ where: { customerId: customer.id } });
    expect(attempts).toEqual([
      expect.objectContaining({ letterId: letter.id, channel: "LETTER", outcome: "SENT", userId: collector.id }),
    ]);
    const audit = await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.kind)).toEqual(["case.opened", "letter.sent"]);
  });

  it("refuses an early letter with its due date; an admin may override with a reason that is kept", async () => {
    const { org, collector, account } = await overdueAccount();
    const admin = await createUser(db, org.id, "ADMIN");
    await sendNextLetter(db, {
      ...account,
      actor: { userId: collector.id, role: "COLLECTOR" },
      stage: 1,
      now: at("2026-11-05"),
    });
    await expect(
      sendNextLetter(db, {
        ...account,
        actor: { userId: collector.id, role: "COLLECTOR" },
        stage: 2,
        now: at("2026-11-10"),
      }),
    ).rejects.toMatchObject({ code: "TOO_EARLY", message: expect.stringContaining("not due until Nov 20, 2026") });
    await expect(
      sendNextLetter(db, {
        ...account,
        actor: { userId: collector.id, role: "COLLECTOR" },
        stage: 2,
        overrideReason: "Customer asked for it",
        now: at("2026-11-10"),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const sent = await sendNextLetter(db, {
      ...account,
      actor: { userId: admin.id, role: "ADMIN" },
      stage: 2,
      overrideReason: "Customer's CFO asked for a formal letter now",
      now: at("2026-11-10"),
    });
    expect((await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } })).overrideReason).toBe(
      "Customer's CFO asked for a formal letter now",
    );
  });

  it("a viewer cannot send, and nothing changes", async () => {
    const { org, account, customer } = await overdueAccount();
    const viewer = await createUser(db, org.id, "VIEWER");
    await expect(
      sendNextLetter(db, { ...account, actor: { userId: viewer.id, role: "VIEWER" }, stage: 1, now: at("2026-11-05") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.collectionCase.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("another organization's customer is not found", async () => {
    const { account } = await overdueAccount();
    const other = await createOrg(db);
    const intruder = await createUser(db, other.id, "ADMIN");
    await expect(
      sendNextLetter(db, {
        ...account,
        orgId: other.id,
        actor: { userId: intruder.id, role: "ADMIN" },
        stage: 1,
        now: at("2026-11-05"),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(previewNextLetter(db, { ...account, orgId: other.id, now: at("2026-11-05") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("double send race", () => {
  const url = inject("testDatabaseUrl");
  const clients = Array.from({ length: 4 }, () => createDb(url));
  afterAll(() => Promise.all(clients.map((c) => c.$disconnect())));

  it.each([
    ["a new case", false],
    ["an existing case", true],
  ])("truly parallel sends on %s produce exactly one letter", async (_name, existingCase) => {
    const { org, customer, account } = await overdueAccount();
    const users = await Promise.all(clients.map(() => createUser(db, org.id, "COLLECTOR")));
    if (existingCase) {
      await sendNextLetter(db, {
        ...account,
        actor: { userId: users[0].id, role: "COLLECTOR" },
        stage: 1,
        now: at("2026-11-05"),
      });
    }
    const stage = existingCase ? 2 : 1;
    const now = at(existingCase ? "2026-11-20" : "2026-11-05");
    // Separate clients (separate pools and connections), started together.
    const results = await Promise.allSettled(
      clients.map((c, i) =>
        sendNextLetter(c, { ...account, actor: { userId: users[i].id, role: "COLLECTOR" }, stage, now }),
      ),
    );
    const winners = results.filter((r) => r.status === "fulfilled");
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    const letters = await db.letter.findMany({ where: { customerId: customer.id, stage }, include: { sentBy: true } });
    expect(letters).toHaveLength(1);
    for (const loser of losers) {
      expect(loser.reason).toMatchObject({
        code: "CONFLICT",
        message: expect.stringContaining(`Letter ${stage} was already sent by ${letters[0].sentBy!.name} on`),
      });
    }
    expect(await db.contactAttempt.count({ where: { customerId: customer.id, channel: "LETTER" } })).toBe(
      existingCase ? 2 : 1,
    );
    expect(await db.collectionCase.count({ where: { customerId: customer.id } })).toBe(1);
  });
});
