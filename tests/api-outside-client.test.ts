import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { processBankStatement } from "@/lib/bank/process-bank-statement";
import { readBankCsv } from "@/lib/imports/read-bank-csv";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { useApiServer } from "./api-server";
import { useTestDb } from "./db";
import { createOrg } from "./factories";

// The API as an outsider meets it: the token comes from the operator's command
// (`npm run api-token`, its own process), and the sync is another process
// (tooling/api-client/sync-client.ts) that knows only the base URL, the token
// and the published OpenAPI document, validating every request and answer
// against it. It receives the signed webhook on its own listener and verifies
// it with the standardwebhooks package. This test only does the queue's work for
// this organization (processes its queued bank statements and delivers its
// webhooks, as the worker of `npm start` would) and checks the database after.
process.env.DUNNING_FROZEN_NOW = "2026-11-20T09:00:00Z";
process.env.WEBHOOK_ALLOW_PRIVATE = "1";
const db = useTestDb();
const server = useApiServer();
const ROOT = path.resolve(import.meta.dirname, "..");
const CLIENT = path.join(ROOT, "tooling/api-client/sync-client.ts");

function runProcess(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c) => {
    stdout += c;
  });
  child.stderr.on("data", (c) => {
    stderr += c;
  });
  const done = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
  return { child, done, out: () => stdout, err: () => stderr };
}

/**
 * Does the queue's work for the organization until the process ends: processes
 * its queued bank statements and delivers its queued webhooks (only this
 * organization's: other files' jobs are theirs; the statement's own queue job,
 * run later by anyone, finds it processed and does nothing).
 */
async function workWhile(child: ChildProcess, done: Promise<number>, orgId: string) {
  let running = true;
  void done.then(() => {
    running = false;
  });
  while (running && child.exitCode === null) {
    const queued = await db.bankStatement.findMany({ where: { orgId, status: "queued" } });
    for (const s of queued)
      await processBankStatement(
        db,
        { orgId, statementId: s.id, userId: s.createdById },
        { retryable: false, readCsv: readBankCsv },
      );
    const pending = await db.webhookDelivery.findMany({ where: { orgId, status: "pending", attempts: 0 } });
    for (const d of pending) await deliverWebhook(db, { deliveryId: d.id, attempt: 1 });
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("an outside client holding only a token and the OpenAPI document", () => {
  it("keeps customers, invoices, a credit note and a payment in step idempotently, posts a bank statement, reads the aging, sends a letter, and verifies the signed webhooks", async () => {
    // The client is outside: it imports nothing of the app.
    expect(readFileSync(CLIENT, "utf8")).not.toMatch(/from "(@\/|\.\.?\/)/);
    const org = await createOrg(db, { name: `Outside Client Org ${process.pid}-${Date.now()}` });
    const url = inject("testDatabaseUrl");

    const issued = runProcess(
      ["scripts/api-token.ts", "create", "--org", org.name, "--name", "erp-sync", "--scopes", "read,write"],
      { DATABASE_URL: url },
    );
    expect(await issued.done, issued.err()).toBe(0);
    const token = /ddk_[A-Za-z0-9_-]+/.exec(issued.out())?.[0];
    expect(token).toBeDefined();

    const client = runProcess([CLIENT, "--base", server.url(), "--token", token!, "--run", "x"]);
    await workWhile(client.child, client.done, org.id);
    expect(await client.done, `${client.out()}\n${client.err()}`).toBe(0);
    const summary = JSON.parse(client.out().trim().split("\n").at(-1)!);

    expect(summary.ok).toBe(true);
    expect(summary.passes).toEqual([{ created: 6 }, { unchanged: 6 }]);
    expect(summary.payment).toEqual({ status: 201, replayedStatus: 201, replayed: true, same: true });
    expect(summary.webhook).toMatchObject({
      type: "payment.recorded",
      data: { currency: "NOK", amount: "2500.00", receivedOn: "2026-11-18" },
    });
    expect(summary.creditNote).toEqual({ statuses: [201, 200], outcomes: ["created", "unchanged"], sameId: true });
    expect(summary.bankStatement.status).toBe(202);
    expect(summary.bankStatement.processed).toMatchObject({
      status: "processed",
      format: "camt.053.001.08",
      counts: { lines: 1, matched: 1, review: 0, duplicates: 0, ignored: 0 },
    });
    // The CSV export, read by recognised headers: the unknown payer's credit waits for review, the fee is ignored.
    expect(summary.csvStatement).toMatchObject({
      status: 202,
      processed: {
        status: "processed",
        format: "csv",
        counts: { lines: 2, matched: 0, review: 1, duplicates: 0, ignored: 1 },
      },
    });
    // The statement paid F x-2 in full: only F x-1 is open, for 12,500.00 − 2,500.00.
    expect(summary.balance.openInvoices.map((i: { number: string; open: string }) => [i.number, i.open])).toEqual([
      ["Fx-1", "10000.00"],
    ]);
    // Open on 2026-11-20: NOK 12,500.00 + 800.50 − 2,500.00 − 800.50 (bank);
    // EUR 4,300.00 − 300.00 (credit note) + 990.00.
    const totals = Object.fromEntries(
      summary.aging.totals.map((t: { currency: string; open: string }) => [t.currency, t.open]),
    );
    expect(totals).toEqual({ NOK: "10000.00", EUR: "4990.00" });
    expect(summary.letter.status).toBe(201);
    expect(summary.letter.read).toMatchObject({
      id: summary.letter.sent.letterId,
      customerReference: "Kx-2",
      currency: "EUR",
      stage: 1,
      sentBy: 'API token "erp-sync"',
    });
    expect(summary.letterWebhook).toMatchObject({
      type: "letter.sent",
      data: { letterId: summary.letter.sent.letterId, stage: 1, currency: "EUR", channel: "post" },
    });

    // What the database says, not the client.
    expect(await db.customer.count({ where: { orgId: org.id } })).toBe(2);
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(4);
    const payments = await db.payment.findMany({ where: { orgId: org.id }, orderBy: { amountMinor: "asc" } });
    expect(payments.map((p) => [p.source, p.amountMinor])).toEqual([
      ["bank", 80050n],
      ["api", 250000n],
    ]);
    const credits = await db.ledgerEntry.findMany({ where: { orgId: org.id, kind: "CREDIT_NOTE" } });
    expect(credits.map((c) => [c.number, c.amountMinor])).toEqual([["CNx-1", 30000n]]);
    expect(await db.letter.count({ where: { orgId: org.id } })).toBe(1);
    // Every delivery delivered: the API's payment and the bank's (both payment.recorded) and the letter's.
    const deliveries = await db.webhookDelivery.findMany({ where: { orgId: org.id } });
    expect(deliveries.map((d) => [d.eventType, d.status]).sort()).toEqual([
      ["letter.sent", "delivered"],
      ["payment.recorded", "delivered"],
      ["payment.recorded", "delivered"],
    ]);
    for (const hook of [summary.webhook, summary.letterWebhook])
      expect(deliveries.find((d) => hook.id === `msg_${d.id}`)?.eventType).toBe(hook.type);
    const stored = await db.apiToken.findFirstOrThrow({ where: { orgId: org.id, name: "erp-sync" } });
    expect(stored.lastUsedAt).not.toBeNull();
  }, 180_000);
});
