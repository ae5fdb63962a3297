import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { useApiServer } from "./api-server";
import { useTestDb } from "./db";
import { createOrg } from "./factories";

// The API as an outsider meets it: the token comes from the operator's command
// (`npm run api-token`, its own process), and the sync is another process
// (tooling/api-client/sync-client.ts) that knows only the base URL, the token
// and the published OpenAPI document, validating every request and answer
// against it. It receives the signed webhook on its own listener and verifies
// it with the standardwebhooks package. This test only delivers the queued
// webhook (as the worker of `npm start` would) and checks the database after.
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

/** Delivers the organization's queued webhooks until the process ends (only this organization's: other files' queues are theirs). */
async function deliverWhile(child: ChildProcess, done: Promise<number>, orgId: string) {
  let running = true;
  void done.then(() => {
    running = false;
  });
  while (running && child.exitCode === null) {
    const pending = await db.webhookDelivery.findMany({ where: { orgId, status: "pending", attempts: 0 } });
    for (const d of pending) await deliverWebhook(db, { deliveryId: d.id, attempt: 1 });
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("an outside client holding only a token and the OpenAPI document", () => {
  it("keeps customers and invoices in step, records one payment for two tries, and verifies the signed webhook", async () => {
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
    await deliverWhile(client.child, client.done, org.id);
    expect(await client.done, `${client.out()}\n${client.err()}`).toBe(0);
    const summary = JSON.parse(client.out().trim().split("\n").at(-1)!);

    expect(summary.ok).toBe(true);
    expect(summary.passes).toEqual([{ created: 6 }, { unchanged: 6 }]);
    expect(summary.payment).toEqual({ status: 201, replayedStatus: 201, replayed: true, same: true });
    expect(summary.webhook).toMatchObject({
      type: "payment.recorded",
      data: { currency: "NOK", amount: "2500.00", receivedOn: "2026-11-18" },
    });
    // Open on 2026-11-20: NOK 12,500.00 + 800.50 − 2,500.00; EUR 4,300.00 + 990.00 (due 2026-10-31: 1–30 days).
    const totals = Object.fromEntries(
      summary.aging.totals.map((t: { currency: string; open: string }) => [t.currency, t.open]),
    );
    expect(totals).toEqual({ NOK: "10800.50", EUR: "5290.00" });

    // What the database says, not the client.
    expect(await db.customer.count({ where: { orgId: org.id } })).toBe(2);
    expect(await db.invoice.count({ where: { orgId: org.id } })).toBe(4);
    const payments = await db.payment.findMany({ where: { orgId: org.id } });
    expect(payments.map((p) => p.amountMinor)).toEqual([250000n]);
    const [delivery] = await db.webhookDelivery.findMany({ where: { orgId: org.id }, include: { tries: true } });
    expect(delivery).toMatchObject({ status: "delivered" });
    expect(summary.webhook.id).toBe(`msg_${delivery.id}`);
    const stored = await db.apiToken.findFirstOrThrow({ where: { orgId: org.id, name: "erp-sync" } });
    expect(stored.lastUsedAt).not.toBeNull();
  }, 180_000);
});
