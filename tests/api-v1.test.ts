import { describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/api-runtime/create-api-token";
import { countRequest } from "@/lib/api-runtime/rate-limit";
import { revokeApiToken } from "@/lib/api-runtime/revoke-api-token";
import type { ApiScope } from "@/lib/api-runtime/scopes";
import { bankStatementTasks } from "@/lib/bank/process-bank-statement";
import { MAX_BANK_STATEMENT_BYTES } from "@/lib/bank/receive-bank-statement";
import { readBankCsv } from "@/lib/imports/read-bank-csv";
import { runDueJobs } from "@/lib/jobs/queue";
import { newWebhookSecret } from "@/lib/webhooks/signing";
import { apiTokenCommand } from "@/scripts/api-token-command";
import { apiClient, useApiServer } from "./api-server";
import { bankFixture, orgWithBankInvoices } from "./bank";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";

// The public API over real HTTP (fetch) against the route files and a real
// PostgreSQL: tokens, the write verbs with their idempotency, the reads, letters.
process.env.DUNNING_FROZEN_NOW = "2026-11-20T09:00:00Z";
const NOW = new Date(process.env.DUNNING_FROZEN_NOW);
const db = useTestDb();
const server = useApiServer();

async function orgWithToken(scopes: ApiScope[] = ["read", "write"], name = "Tripletex sync") {
  const org = await createOrg(db);
  const admin = await createUser(db, org.id, "ADMIN");
  const token = await createApiToken(db, {
    orgId: org.id,
    name,
    scopes,
    createdById: admin.id,
    via: "settings",
    now: NOW,
  });
  return { org, admin, token, api: apiClient(server.url, token.secret) };
}

const customer = (over: Record<string, unknown> = {}) => ({
  name: "Fjord Bygg AS",
  countryCode: "NO",
  currency: "NOK",
  language: "nb",
  email: "faktura@fjordbygg.example",
  addressLine1: "Kaigata 1",
  postalCode: "5003",
  city: "Bergen",
  ...over,
});
const invoice = (over: Record<string, unknown> = {}) => ({
  customerReference: "10042",
  issueDate: "2026-09-01",
  dueDate: "2026-09-15",
  currency: "NOK",
  amount: "12500.50",
  ...over,
});

describe("tokens", () => {
  it("stores only a hash, refuses no token, unknown, revoked and expired tokens with 401 problem+json", async () => {
    const { org, admin, token, api } = await orgWithToken(["read"]);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(token.secret).toMatch(/^ddk_/);
    expect(JSON.stringify(row)).not.toContain(token.secret.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const none = await fetch(`${server.url()}/api/v1/aging`);
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(await none.json()).toMatchObject({ status: 401, title: "Not authenticated", code: "UNAUTHENTICATED" });
    expect((await apiClient(server.url, "ddk_made-up")("GET", "/aging")).status).toBe(401);

    expect((await api("GET", "/aging")).status).toBe(200);
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(used.lastUsedAt).not.toBeNull();
    expect(used.lastUsedIp).toBe("127.0.0.1");

    await revokeApiToken(db, { orgId: org.id, tokenId: token.id, revokedById: admin.id, via: "settings", now: NOW });
    const revoked = await api("GET", "/aging");
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toContain("revoked");

    const expiring = await createApiToken(db, {
      orgId: org.id,
      name: "short-lived",
      scopes: ["read"],
      expiresAt: new Date(Date.now() + 60_000),
      createdById: admin.id,
      via: "settings",
      now: new Date(),
    });
    expect((await apiClient(server.url, expiring.secret)("GET", "/aging")).status).toBe(200);
    await db.apiToken.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await apiClient(server.url, expiring.secret)("GET", "/aging");
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toContain("expired");

    const audit = await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.kind)).toEqual(["api_token.created", "api_token.revoked", "api_token.created"]);
    expect(audit[0]).toMatchObject({ userId: admin.id, payload: expect.objectContaining({ name: "Tripletex sync" }) });
  });

  it("a read token cannot write (403, nothing changed); a token sees only its organization", async () => {
    const reader = await orgWithToken(["read"]);
    const put = await reader.api("PUT", "/customers/10042", customer());
    expect(put.status).toBe(403);
    expect(put.body.detail).toContain("no write scope");
    expect(await db.customer.count({ where: { orgId: reader.org.id } })).toBe(0);

    const writer = await orgWithToken();
    expect((await writer.api("PUT", "/customers/10042", customer())).status).toBe(201);
    // The same reference in another organization is not found: nothing of another organization shows.
    const other = await orgWithToken(["read"]);
    expect((await other.api("GET", "/customers/10042")).status).toBe(404);
  });

  it("counts requests per token in PostgreSQL: over the limit is 429 with Retry-After", async () => {
    const { token, api } = await orgWithToken(["read"]);
    for (let i = 0; i < 3; i++) await countRequest(db, token.id, 3);
    await expect(countRequest(db, token.id, 3)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    process.env.API_RATE_LIMIT_PER_MINUTE = "4";
    try {
      const limited = await api("GET", "/aging");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    } finally {
      delete process.env.API_RATE_LIMIT_PER_MINUTE;
    }
  });
});

describe("customers and invoices", () => {
  it("PUT creates, then answers unchanged, then updates with an audit under the token's name", async () => {
    const { org, token, api } = await orgWithToken();
    const created = await api("PUT", "/customers/10042", customer());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ reference: "10042", outcome: "created" });
    const again = await api("PUT", "/customers/10042", customer());
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ outcome: "unchanged", changed: [] });
    const moved = await api("PUT", "/customers/10042", customer({ city: "Oslo", postalCode: "0150" }));
    expect(moved.body).toMatchObject({ outcome: "updated", changed: ["postalCode", "city"] });

    const events = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: { startsWith: "customer." } },
      include: { user: true },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.kind)).toEqual(["customer.created", "customer.updated"]);
    expect(events[1].user).toMatchObject({ kind: "API_TOKEN", name: `API token "${token.name}"` });
  });

  it("refuses bad input with every field's error and changes nothing", async () => {
    const { org, api } = await orgWithToken();
    const bad = await api(
      "PUT",
      "/customers/10042",
      customer({ countryCode: "XX", preferredChannel: "email", email: "" }),
    );
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(Object.keys(bad.body.errors).sort()).toEqual(["countryCode", "email"]);
    const float = await api("PUT", "/invoices/1", invoice({ amount: 12500.5 }));
    expect(float.status).toBe(400);
    expect(float.body.errors.amount[0]).toContain("decimal string");
    const notJson = await fetch(`${server.url()}/api/v1/payments`, { method: "POST" });
    expect(notJson.status).toBe(401);
    expect(await db.customer.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("PUT invoice by number and issue year: created, unchanged, corrected; an amount change after a payment is refused with the reason", async () => {
    const { org, api } = await orgWithToken();
    await api("PUT", "/customers/10042", customer());
    const created = await api("PUT", "/invoices/2026-7?issueYear=2026", invoice());
    expect(created.status).toBe(201);
    expect((await api("PUT", "/invoices/2026-7?issueYear=2026", invoice())).body.outcome).toBe("unchanged");
    // The same number in another year is another invoice.
    expect(
      (await api("PUT", "/invoices/2026-7?issueYear=2025", invoice({ issueDate: "2025-03-01", dueDate: "2025-03-15" })))
        .status,
    ).toBe(201);
    const later = await api("PUT", "/invoices/2026-7?issueYear=2026", invoice({ dueDate: "2026-09-30" }));
    expect(later.body.outcome).toBe("updated");
    const stored = await db.invoice.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.amountMinor).toBe(1250050n);

    const paid = await api(
      "POST",
      "/payments",
      {
        customerReference: "10042",
        currency: "NOK",
        amount: "100.00",
        receivedOn: "2026-11-10",
        invoiceNumber: "2026-7",
        invoiceIssueYear: 2026,
      },
      { "idempotency-key": "pay-1" },
    );
    expect(paid.status).toBe(201);
    const refused = await api("PUT", "/invoices/2026-7?issueYear=2026", invoice({ amount: "9000.00" }));
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("has payments: it cannot change from");
    expect(refused.body.errors.amount).toHaveLength(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: created.body.id } })).amountMinor).toBe(1250050n);
    const corrected = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, kind: "invoice.corrected" } });
    expect(corrected.payload).toMatchObject({ before: { dueDate: "2026-09-15" }, after: { dueDate: "2026-09-30" } });
  });
});

describe("payments and credit notes", () => {
  it("the same Idempotency-Key twice records one payment and answers the first result again, also when racing", async () => {
    const { org, api } = await orgWithToken();
    await api("PUT", "/customers/10042", customer());
    await api("PUT", "/invoices/7", invoice({ amount: "1000.00" }));
    const body = {
      customerReference: "10042",
      currency: "NOK",
      amount: "1500.00",
      receivedOn: "2026-11-19",
      reference: "bank 991",
    };
    const [a, b, c] = await Promise.all([
      api("POST", "/payments", body, { "idempotency-key": "k-1" }),
      api("POST", "/payments", body, { "idempotency-key": "k-1" }),
      api("POST", "/payments", body, { "idempotency-key": "k-1" }),
    ]);
    const statuses = [a.status, b.status, c.status].sort();
    // One did the work; the others got its answer or "still being worked on" (409), never a second payment.
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const replay = await api("POST", "/payments", body, { "idempotency-key": "k-1" });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.body).toMatchObject({ amount: "1500.00", unapplied: "500.00" });
    expect(replay.body.allocations).toEqual([expect.objectContaining({ amount: "1000.00" })]);
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(2); // the invoice's part and the unapplied rest

    const reused = await api("POST", "/payments", { ...body, amount: "1.00" }, { "idempotency-key": "k-1" });
    expect(reused.status).toBe(409);
    const missing = await api("POST", "/payments", body);
    expect(missing.status).toBe(400);
    expect(missing.body.errors["Idempotency-Key"]).toBeDefined();
    const refused = await api("POST", "/payments", { ...body, amount: "1.001" }, { "idempotency-key": "k-2" });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.amount).toEqual(["NOK amounts have at most 2 decimals."]);
    expect(await db.payment.count({ where: { orgId: org.id } })).toBe(2);
  });

  it("a credit note reduces the invoice; the same body again is unchanged, another body with its number a conflict", async () => {
    const { org, api } = await orgWithToken();
    await api("PUT", "/customers/10042", customer());
    await api("PUT", "/invoices/7", invoice({ amount: "1000.00" }));
    const note = {
      number: "CN-1",
      customerReference: "10042",
      invoiceNumber: "7",
      currency: "NOK",
      amount: "250.00",
      issuedOn: "2026-11-01",
      reason: "Returned goods",
    };
    expect((await api("POST", "/credit-notes", note)).status).toBe(201);
    const again = await api("POST", "/credit-notes", note);
    expect(again).toMatchObject({ status: 200, body: { outcome: "unchanged" } });
    expect((await api("POST", "/credit-notes", { ...note, amount: "10.00" })).status).toBe(409);
    const read = await api("GET", "/customers/10042");
    expect(read.body.openInvoices).toEqual([
      expect.objectContaining({ number: "7", amount: "1000.00", open: "750.00" }),
    ]);
    expect(await db.ledgerEntry.count({ where: { orgId: org.id } })).toBe(1);
  });
});

describe("reads", () => {
  it("aging totals per currency and bucket, accounts by cursor, the customer with balance and credit", async () => {
    const { api } = await orgWithToken();
    for (const ref of ["A1", "A2", "A3"]) await api("PUT", `/customers/${ref}`, customer({ name: `Customer ${ref}` }));
    await api("PUT", "/invoices/1", invoice({ customerReference: "A1", amount: "100.00", dueDate: "2026-11-30" }));
    await api("PUT", "/invoices/2", invoice({ customerReference: "A2", amount: "200.00", dueDate: "2026-11-01" }));
    const third = await api(
      "PUT",
      "/invoices/3",
      invoice({ customerReference: "A3", amount: "300.00", issueDate: "2026-06-01", dueDate: "2026-07-01" }),
    );
    expect(third.status).toBe(201);
    await api(
      "POST",
      "/payments",
      { customerReference: "A3", currency: "NOK", amount: "350.00", receivedOn: "2026-11-19" },
      { "idempotency-key": "a3" },
    );

    const aging = await api("GET", "/aging");
    expect(aging.body.totals).toEqual([
      {
        currency: "NOK",
        open: "300.00",
        overdue: "200.00",
        buckets: { current: "100.00", d1_30: "200.00", d31_60: "0.00", d61_90: "0.00", d90_plus: "0.00" },
        accounts: 2,
        overdueAccounts: 1,
      },
    ]);
    expect(aging.body.credits).toEqual([{ currency: "NOK", credit: "50.00", accounts: 1 }]);
    const past = await api("GET", "/aging?asOf=2026-11-18");
    expect(past.body.totals[0]).toMatchObject({
      open: "600.00",
      buckets: expect.objectContaining({ d90_plus: "300.00" }),
    });
    expect((await api("GET", "/aging?asOf=2027-01-01")).body.errors.asOf).toHaveLength(1);

    const first = await api("GET", "/accounts?limit=1");
    const second = await api("GET", `/accounts?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect(
      [...first.body.data, ...second.body.data].map((a: { customerReference: string }) => a.customerReference).sort(),
    ).toEqual(["A1", "A2"]);
    expect((await api("GET", "/accounts?cursor=nonsense")).status).toBe(400);

    const a3 = await api("GET", "/customers/A3");
    expect(a3.body).toMatchObject({ balances: [{ currency: "NOK", open: "0.00", credit: "50.00" }], openInvoices: [] });
  });
});

describe("letters", () => {
  it("sends the next letter as the button does, reads it and its PDF, and refuses as the button refuses", async () => {
    const { org, token, api } = await orgWithToken();
    await api("PUT", "/customers/10042", customer({ countryCode: "US", language: "en", currency: "EUR" }));
    await api(
      "PUT",
      "/invoices/9",
      invoice({ currency: "EUR", amount: "1200.00", issueDate: "2026-10-01", dueDate: "2026-11-01" }),
    );
    const sent = await api("POST", "/letters", { customerReference: "10042", currency: "EUR", stage: 1 });
    expect(sent.status).toBe(201);
    const letter = await api("GET", `/letters/${sent.body.letterId}`);
    expect(letter.body).toMatchObject({ stage: 1, totalDue: "1200.00", sentBy: `API token "${token.name}"` });
    const pdf = await api("GET", `/letters/${sent.body.letterId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe("application/pdf");
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe("%PDF-");
    const twice = await api("POST", "/letters", { customerReference: "10042", currency: "EUR", stage: 1 });
    expect(twice.status).toBe(409);
    expect(await db.letter.count({ where: { orgId: org.id } })).toBe(1);
    const history = await api("GET", "/customers/10042/history");
    expect(history.body.entries).toEqual([
      expect.objectContaining({ type: "contact", channel: "LETTER", letterId: sent.body.letterId }),
    ]);
    expect((await api("GET", "/letters/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

describe("bank statements", () => {
  /** The fixtures' organization (tests/bank.ts: customers and open invoices) with a token. */
  async function bankOrgWithToken(scopes: ApiScope[] = ["read", "write"]) {
    const f = await orgWithBankInvoices(db);
    const token = await createApiToken(db, {
      orgId: f.org.id,
      name: "bank sync",
      scopes,
      createdById: null,
      via: "cli",
      now: NOW,
    });
    return { ...f, secret: token.secret };
  }
  const postFile = (secret: string, body: Buffer | string, contentType = "application/xml") =>
    fetch(`${server.url()}/api/v1/bank-statements`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": contentType },
      body: typeof body === "string" ? body : new Uint8Array(body),
    });

  it("takes the file as sent (202, Location), records nothing twice for the same file, and the GET shows the processed counts; the webhook is queued with the lines", async () => {
    const f = await bankOrgWithToken();
    const api = apiClient(server.url, f.secret);
    // One endpoint listening for the event, one for another event: only the first gets a delivery.
    const listening = await db.webhookEndpoint.create({
      data: {
        orgId: f.org.id,
        url: "https://erp.example/hooks",
        events: ["bank_statement.processed"],
        secret: newWebhookSecret(),
      },
    });
    await db.webhookEndpoint.create({
      data: {
        orgId: f.org.id,
        url: "https://other.example/hooks",
        events: ["letter.sent"],
        secret: newWebhookSecret(),
      },
    });

    const file = bankFixture("nordea-camt053-v02.xml");
    const first = await postFile(f.secret, file);
    expect(first.status).toBe(202);
    const firstBody = await first.json();
    expect(firstBody).toEqual({ id: expect.any(String), status: "queued" });
    expect(first.headers.get("location")).toBe(`/api/v1/bank-statements/${firstBody.id}`);
    expect((await api("GET", first.headers.get("location")!.replace("/api/v1", ""))).body).toMatchObject({
      status: "queued",
      counts: { lines: 0, matched: 0, review: 0, duplicates: 0, ignored: 0 },
    });
    const second = await postFile(f.secret, file, "text/xml; charset=utf-8");
    expect(second.status).toBe(202);
    const secondBody = await second.json();
    expect(secondBody).toEqual({ id: expect.any(String), status: "queued", duplicateOf: firstBody.id });
    expect(await db.payment.count({ where: { orgId: f.org.id } })).toBe(0);

    await runDueJobs(inject("testDatabaseUrl"), bankStatementTasks(db));
    const one = await api("GET", `/bank-statements/${firstBody.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: firstBody.id,
      status: "processed",
      format: "camt.053.001.02",
      accountIban: "NO9386011117947",
      fromDate: "2026-12-01",
      toDate: expect.any(String),
      counts: { lines: 3, matched: 1, review: 0, duplicates: 0, ignored: 2 },
    });
    // The second copy: every line a duplicate, nothing recorded again.
    const two = await api("GET", `/bank-statements/${secondBody.id}`);
    expect(two.body.counts).toEqual({ lines: 3, matched: 0, review: 0, duplicates: 3, ignored: 0 });
    const payments = await db.payment.findMany({ where: { orgId: f.org.id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ source: "bank", amountMinor: 400000n });

    const deliveries = await db.webhookDelivery.findMany({ where: { orgId: f.org.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.map((d) => [d.endpointId, d.eventType])).toEqual([
      [listening.id, "bank_statement.processed"],
      [listening.id, "bank_statement.processed"],
    ]);
    const bodies = deliveries.map((d) => d.payload as { type: string; data: Record<string, unknown> });
    expect(bodies.map((b) => b.data)).toEqual(
      expect.arrayContaining([
        {
          statementId: firstBody.id,
          format: "camt.053.001.02",
          counts: { lines: 3, matched: 1, review: 0, duplicates: 0, ignored: 2 },
          payments: 1,
        },
        {
          statementId: secondBody.id,
          format: "camt.053.001.02",
          counts: { lines: 3, matched: 0, review: 0, duplicates: 3, ignored: 0 },
          payments: 0,
        },
      ]),
    );
  });

  it("takes a bank's CSV export as text/csv (recognised headers), processes it like camt, and refuses with a problem naming the fields when no mapping can be made", async () => {
    const f = await bankOrgWithToken();
    const api = apiClient(server.url, f.secret);
    const sent = await postFile(f.secret, bankFixture("dnb-bedrift-2026-12-04.csv"), "text/csv; charset=utf-8");
    expect(sent.status).toBe(202);
    const body = await sent.json();
    await runDueJobs(inject("testDatabaseUrl"), bankStatementTasks(db, { readCsv: readBankCsv }));
    expect((await api("GET", `/bank-statements/${body.id}`)).body).toEqual({
      id: body.id,
      status: "processed",
      format: "csv",
      accountIban: "",
      fromDate: "2026-12-03",
      toDate: "2026-12-04",
      counts: { lines: 4, matched: 2, review: 1, duplicates: 0, ignored: 1 },
    });
    const refused = await postFile(f.secret, "When;How much;Who\n05.12.2026;4 000,00;Fjordkraft\n", "text/csv");
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    const problem = await refused.json();
    expect(problem).toMatchObject({ status: 400, code: "INVALID_INPUT" });
    expect(problem.detail).toContain("no column for the booking date and the amount");
    expect(await db.bankStatement.count({ where: { orgId: f.org.id } })).toBe(1);
  });

  it("refuses a file over the cap with 413, a JSON body with 400, a read token with 403; another organization's id is 404", async () => {
    const f = await bankOrgWithToken();
    const tooLarge = await postFile(f.secret, Buffer.alloc(MAX_BANK_STATEMENT_BYTES + 1, 0x20));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers.get("content-type")).toBe("application/problem+json");
    expect(await tooLarge.json()).toMatchObject({ status: 413, code: "TOO_LARGE" });
    const json = await postFile(f.secret, JSON.stringify({ file: "x" }), "application/json");
    expect(json.status).toBe(400);
    expect((await json.json()).detail).toContain("application/xml");
    const reader = await bankOrgWithToken(["read"]);
    expect((await postFile(reader.secret, bankFixture("nordea-camt053-v02.xml"))).status).toBe(403);
    expect(await db.bankStatement.count({ where: { orgId: { in: [f.org.id, reader.org.id] } } })).toBe(0);

    const mine = await (await postFile(f.secret, bankFixture("nordea-camt053-v02.xml"))).json();
    expect((await apiClient(server.url, f.secret)("GET", `/bank-statements/${mine.id}`)).status).toBe(200);
    const theirs = await apiClient(server.url, reader.secret)("GET", `/bank-statements/${mine.id}`);
    expect(theirs.status).toBe(404);
    expect(theirs.type).toBe("application/problem+json");
    expect((await apiClient(server.url, f.secret)("GET", "/bank-statements/not-an-id")).status).toBe(404);
  });
});

describe("npm run api-token", () => {
  it("creates a token for the named organization, printing it once, and revokes it by name", async () => {
    const org = await createOrg(db, { name: `CLI Org ${Date.now()}` });
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const args = ["--org", org.name, "--name", "nightly-export"];
    expect(await apiTokenCommand(db, ["create", ...args, "--scopes", "read,write"], io)).toBe(0);
    const secret = out[0];
    expect(secret).toMatch(/^ddk_/);
    expect((await apiClient(server.url, secret)("GET", "/aging")).status).toBe(200);
    expect(await apiTokenCommand(db, ["create", ...args, "--scopes", "read"], io)).toBe(1);
    expect(err.at(-1)).toContain("exists already");
    expect(await apiTokenCommand(db, ["create", "--org", "No Such Org", "--name", "x"], io)).toBe(1);
    expect(await apiTokenCommand(db, ["create", ...args.slice(0, 2), "--name", "bad", "--scopes", "admin"], io)).toBe(
      2,
    );

    expect(await apiTokenCommand(db, ["revoke", ...args], io)).toBe(0);
    expect((await apiClient(server.url, secret)("GET", "/aging")).status).toBe(401);
    const audit = await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => [e.kind, e.userId, (e.payload as { via: string }).via])).toEqual([
      ["api_token.created", null, "cli"],
      ["api_token.revoked", null, "cli"],
    ]);
  });
});
