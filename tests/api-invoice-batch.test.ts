import { describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/api-runtime/create-api-token";
import { apiClient, useApiServer } from "./api-server";
import { useTestDb } from "./db";
import { createOrg } from "./factories";

// POST /api/v1/invoices/batch over real HTTP against the route files and a real
// PostgreSQL: per-item results with the single PUT's rules, chunks, the optional
// Idempotency-Key, and two racing batches creating each invoice once.
process.env.DUNNING_FROZEN_NOW = "2026-11-20T09:00:00Z";
const db = useTestDb();
const server = useApiServer();

async function orgWithCustomer() {
  const org = await createOrg(db);
  const token = await createApiToken(db, {
    orgId: org.id,
    name: "Batch sync",
    scopes: ["read", "write"],
    createdById: null,
    via: "cli",
    now: new Date(),
  });
  const api = apiClient(server.url, token.secret);
  const made = await api("PUT", "/customers/C1", { name: "Fjord Bygg AS", countryCode: "NO", currency: "NOK" });
  expect(made.status).toBe(201);
  return { org, token, api };
}

const item = (number: string, over: Record<string, unknown> = {}) => ({
  number,
  customerReference: "C1",
  issueDate: "2026-09-01",
  dueDate: "2026-09-15",
  currency: "NOK",
  amount: "1000.00",
  ...over,
});

describe("POST /api/v1/invoices/batch", () => {
  it("answers one result per item: created, refused with the reason, then unchanged, updated and a refused amount change", async () => {
    const { org, token, api } = await orgWithCustomer();
    const first = await api("POST", "/invoices/batch", {
      invoices: [
        item("1"),
        item("2", { customerReference: "NOBODY" }),
        item("3", { amount: "10.001" }),
        item("1", { amount: "5.00" }),
        item("4", { issueYear: 2025 }),
        item("5", { amount: "2500.50", kid: "12345" }),
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.counts).toEqual({ created: 2, updated: 0, unchanged: 0, refused: 4 });
    expect(first.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      "created",
      "refused",
      "refused",
      "refused",
      "refused",
      "created",
    ]);
    const [, nobody, decimals, twice, wrongYear] = first.body.results;
    expect(nobody).toMatchObject({
      index: 1,
      status: 400,
      problem: { errors: { customerReference: [expect.any(String)] } },
    });
    expect(decimals.problem.errors.amount).toEqual(["NOK amounts have at most 2 decimals."]);
    expect(twice.problem.detail).toContain("also item 0 of this batch");
    expect(wrongYear.problem.detail).toBe("Invoice 4 of 2025 must have an issue date in 2025.");
    const stored = await db.invoice.findMany({ where: { orgId: org.id }, orderBy: { number: "asc" } });
    expect(stored.map((i) => [i.number, i.amountMinor, i.kid])).toEqual([
      ["1", 100000n, null],
      ["5", 250050n, "12345"],
    ]);
    const entered = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: "invoice.entered" },
      include: { user: true },
    });
    expect(entered).toHaveLength(2);
    expect(entered[0].user).toMatchObject({ kind: "API_TOKEN", name: `API token "${token.name}"` });

    // A payment on invoice 1, then the batch again with a later due date on 5 and a new amount on 1.
    const paid = await api(
      "POST",
      "/payments",
      { customerReference: "C1", currency: "NOK", amount: "100.00", receivedOn: "2026-11-10", invoiceNumber: "1" },
      { "idempotency-key": "pay-batch-1" },
    );
    expect(paid.status).toBe(201);
    const second = await api("POST", "/invoices/batch", {
      invoices: [item("1", { amount: "900.00" }), item("5", { amount: "2500.50", dueDate: "2026-09-30" }), item("6")],
    });
    expect(second.body.counts).toEqual({ created: 1, updated: 1, unchanged: 0, refused: 1 });
    expect(second.body.results[0]).toMatchObject({ outcome: "refused", status: 409 });
    expect(second.body.results[0]).not.toHaveProperty("id");
    expect(second.body.results[0].problem.detail).toContain("has payments: it cannot change from");
    expect(second.body.results[1]).toMatchObject({ outcome: "updated", status: 200, id: stored[1].id });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: stored[0].id } })).amountMinor).toBe(100000n);
    const corrected = await db.auditEvent.findMany({ where: { orgId: org.id, kind: "invoice.corrected" } });
    expect(corrected.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ dueDate: "2026-09-15" }),
        after: expect.objectContaining({ dueDate: "2026-09-30" }),
      }),
    ]);
    const third = await api("POST", "/invoices/batch", {
      invoices: [item("5", { amount: "2500.50", dueDate: "2026-09-30" }), item("6")],
    });
    expect(third.body.counts).toEqual({ created: 0, updated: 0, unchanged: 2, refused: 0 });
  });

  it("a malformed item refuses the whole request with the item's path; over the cap is refused; nothing is written", async () => {
    const { org, api } = await orgWithCustomer();
    const bad = await api("POST", "/invoices/batch", { invoices: [item("1"), item("2", { amount: 12.5 })] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(["invoices.1.amount"]);
    const many = await api("POST", "/invoices/batch", {
      invoices: Array.from({ length: 1001 }, (_, i) => item(String(i))),
    });
    expect(many.status).toBe(400);
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("writes 600 items in chunks; the same Idempotency-Key answers the first result again", async () => {
    const { org, api } = await orgWithCustomer();
    const invoices = Array.from({ length: 600 }, (_, i) => item(`B-${i}`, { amount: `${100 + i}.25` }));
    const started = performance.now();
    const first = await api("POST", "/invoices/batch", { invoices }, { "idempotency-key": "batch-600" });
    const ms = performance.now() - started;
    expect(first.status).toBe(200);
    expect(first.body.counts.created).toBe(600);
    expect(first.body.results[599]).toMatchObject({ index: 599, number: "B-599", outcome: "created" });
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(600);
    const sum = await db.invoice.aggregate({ where: { orgId: org.id }, _sum: { amountMinor: true } });
    // Σ (100 + i) · 100 + 25 for i < 600
    expect(sum._sum.amountMinor).toBe(BigInt(600 * 10025 + 100 * ((599 * 600) / 2)));
    const replay = await api("POST", "/invoices/batch", { invoices }, { "idempotency-key": "batch-600" });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toEqual(first.body);
    const plain = await api("POST", "/invoices/batch", { invoices });
    expect(plain.body.counts.unchanged).toBe(600);
    console.log(`600 invoices in one batch request: ${ms.toFixed(0)} ms`);
  });

  it("two racing batches with the same new invoices create each once; the other answers unchanged", async () => {
    const { org, api } = await orgWithCustomer();
    const invoices = Array.from({ length: 50 }, (_, i) => item(`R-${i}`));
    const [a, b] = await Promise.all([
      api("POST", "/invoices/batch", { invoices }),
      api("POST", "/invoices/batch", { invoices }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.counts.created + b.body.counts.created).toBe(50);
    expect(a.body.counts.unchanged + b.body.counts.unchanged).toBe(50);
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(50);
    expect(await db.auditEvent.count({ where: { orgId: org.id, kind: "invoice.entered" } })).toBe(50);
  });
});
