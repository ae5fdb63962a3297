import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { describe, expect, inject, it } from "vitest";
import { createApiToken } from "@/lib/api-runtime/create-api-token";
import { smtpSender } from "@/lib/delivery/mail-transport";
import { runDueJobs } from "@/lib/jobs/queue";
import { isPrivateAddress } from "@/lib/webhooks/address-guard";
import { deliverWebhook, RETRY_AFTER_SECONDS, webhookTasks } from "@/lib/webhooks/deliver-webhook";
import { notifyAdminsEndpointDisabled, webhookNoticeTasks } from "@/lib/webhooks/notify-admins";
import { apiClient, useApiServer } from "./api-server";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";
import { smtpInbox } from "./smtp-inbox";

// Webhooks out, end to end: registered through the API, queued in the
// transaction of the letter the API sends, delivered by the job queue to a real
// receiver on 127.0.0.1 that verifies the signature with the standardwebhooks
// package (an implementation of the specification that is not ours).
process.env.DUNNING_FROZEN_NOW = "2026-11-20T09:00:00Z";
const db = useTestDb();
const server = useApiServer();

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

async function receiver(status = 200) {
  const received: Received[] = [];
  const http = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise((r) => http.close(r)) };
}

async function orgWithApi() {
  const org = await createOrg(db);
  const token = await createApiToken(db, {
    orgId: org.id,
    name: "erp",
    scopes: ["read", "write"],
    createdById: null,
    via: "cli",
    now: new Date(),
  });
  return { org, api: apiClient(server.url, token.secret) };
}

const withPrivate = async <T>(fn: () => Promise<T>) => {
  process.env.WEBHOOK_ALLOW_PRIVATE = "1";
  try {
    return await fn();
  } finally {
    delete process.env.WEBHOOK_ALLOW_PRIVATE;
  }
};

describe("webhooks", () => {
  it("refuses private addresses, also behind a name, unless the operator allows them", async () => {
    const { org, api } = await orgWithApi();
    for (const url of [
      "http://127.0.0.1:9/x",
      "http://10.1.2.3/x",
      "http://192.168.0.10/x",
      "http://169.254.169.254/latest/meta-data",
      "http://[::1]/x",
      "http://localhost:9/x",
    ]) {
      const refused = await api("POST", "/webhook-endpoints", { url, events: ["letter.sent"] });
      expect(refused.status, url).toBe(400);
      expect(refused.body.errors.url[0]).toContain("WEBHOOK_ALLOW_PRIVATE=1");
    }
    expect(await db.webhookEndpoint.count({ where: { orgId: org.id } })).toBe(0);
    expect(isPrivateAddress("172.20.1.1")).toBe(true);
    expect(isPrivateAddress("::ffff:10.0.0.1")).toBe(true);
    expect(isPrivateAddress("93.184.215.14")).toBe(false);
    expect((await api("POST", "/webhook-endpoints", { url: "ftp://x.example/", events: ["letter.sent"] })).status).toBe(
      400,
    );
  });

  it("delivers letter.sent signed as Standard Webhooks says, queued with the letter, each try logged", async () => {
    const { org, api } = await orgWithApi();
    const inbox = await receiver();
    const registered = await withPrivate(() =>
      api("POST", "/webhook-endpoints", { url: inbox.url, events: ["letter.sent"] }),
    );
    expect(registered.status).toBe(201);
    expect(registered.body.secret).toMatch(/^whsec_/);

    await api("PUT", "/customers/C1", { name: "Acme Ltd", countryCode: "US", currency: "EUR" });
    await api("PUT", "/invoices/9", {
      customerReference: "C1",
      issueDate: "2026-10-01",
      dueDate: "2026-11-01",
      currency: "EUR",
      amount: "1200.00",
    });
    // A payment event is not subscribed: no delivery for it.
    await api(
      "POST",
      "/payments",
      { customerReference: "C1", currency: "EUR", amount: "200.00", receivedOn: "2026-11-19" },
      { "idempotency-key": "p1" },
    );
    const sent = await api("POST", "/letters", { customerReference: "C1", currency: "EUR", stage: 1 });
    expect(sent.status).toBe(201);
    const queued = await db.webhookDelivery.findMany({ where: { orgId: org.id } });
    expect(queued.map((d) => d.eventType)).toEqual(["letter.sent"]);

    await withPrivate(() => runDueJobs(inject("testDatabaseUrl"), webhookTasks(db)));
    expect(inbox.received).toHaveLength(1);
    const [got] = inbox.received;
    const verified = new Webhook(registered.body.secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(verified).toMatchObject({
      type: "letter.sent",
      data: { letterId: sent.body.letterId, stage: 1, currency: "EUR", totalDue: "1000.00" },
    });
    expect(got.headers["webhook-id"]).toBe(`msg_${queued[0].id}`);
    // A tampered body does not verify.
    expect(() =>
      new Webhook(registered.body.secret).verify(
        got.body.replace("1000.00", "1.00"),
        got.headers as Record<string, string>,
      ),
    ).toThrow();

    const delivery = await db.webhookDelivery.findUniqueOrThrow({
      where: { id: queued[0].id },
      include: { tries: true },
    });
    expect(delivery.status).toBe("delivered");
    expect(delivery.tries).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: "" })]);
    expect(delivery.tries[0].durationMs).toBeGreaterThanOrEqual(0);
    await inbox.close();
  });

  it("retries on the schedule for about a day, then switches the endpoint off, records why and emails the admins", async () => {
    const hours = RETRY_AFTER_SECONDS.reduce((a, b) => a + b, 0) / 3600;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(26);
    const { org, api } = await orgWithApi();
    const stamp = `${process.pid}-${Date.now()}`;
    const admin = await createUser(db, org.id, "ADMIN", { email: `admin-${stamp}@test.example` });
    const formerAdmin = await createUser(db, org.id, "ADMIN", { email: `former-${stamp}@test.example` });
    await db.user.update({ where: { id: formerAdmin.id }, data: { active: false } });
    const collector = await createUser(db, org.id, "COLLECTOR", { email: `collector-${stamp}@test.example` });
    const inbox = await receiver(500);
    const registered = await withPrivate(() =>
      api("POST", "/webhook-endpoints", { url: inbox.url, events: ["payment.recorded"] }),
    );
    await api("PUT", "/customers/C1", { name: "Acme Ltd", countryCode: "US", currency: "EUR" });
    await api(
      "POST",
      "/payments",
      { customerReference: "C1", currency: "EUR", amount: "50.00", receivedOn: "2026-11-19" },
      { "idempotency-key": "p1" },
    );
    const [delivery] = await db.webhookDelivery.findMany({ where: { orgId: org.id } });

    let now = Date.now();
    for (let attempt = 1; attempt <= RETRY_AFTER_SECONDS.length + 1; attempt++) {
      const result = await withPrivate(() => deliverWebhook(db, { deliveryId: delivery.id, attempt }, new Date(now)));
      expect(result).toMatchObject({ delivered: false, statusCode: 500 });
      if (attempt <= RETRY_AFTER_SECONDS.length) {
        // The next try is queued on the durable queue at its time.
        const [next] = await db.$queryRaw<{ run_at: Date }[]>`
          SELECT run_at FROM graphile_worker.jobs WHERE key = ${`webhook:${delivery.id}:${attempt + 1}`}`;
        expect(Math.round((next.run_at.getTime() - now) / 1000)).toBe(RETRY_AFTER_SECONDS[attempt - 1]);
        now += RETRY_AFTER_SECONDS[attempt - 1] * 1000;
      }
    }
    // The same try again (a retried job) sends nothing twice.
    expect(await deliverWebhook(db, { deliveryId: delivery.id, attempt: 3 })).toBeNull();
    expect(inbox.received).toHaveLength(RETRY_AFTER_SECONDS.length + 1);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: registered.body.id } });
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: expect.stringContaining("HTTP 500") });
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("failed");
    const audit = await db.auditEvent.findMany({ where: { orgId: org.id, kind: { startsWith: "webhook_endpoint." } } });
    expect(audit.map((a) => a.kind).sort()).toEqual(["webhook_endpoint.created", "webhook_endpoint.disabled"]);

    // The admins are told by a job queued with the switch-off, through SMTP to a real listener.
    const smtp = smtpInbox();
    await smtp.listen();
    await runDueJobs(inject("testDatabaseUrl"), webhookNoticeTasks(db, smtpSender(`smtp://127.0.0.1:${smtp.port}`)));
    expect(smtp.mailTo(admin.email)).toHaveLength(1);
    const [mail] = smtp.mailTo(admin.email);
    expect(mail.from?.text).toContain("ar@test.example");
    expect(mail.subject).toBe(`Webhook endpoint switched off: ${inbox.url}`);
    expect(mail.text).toContain("Why: every try of a delivery failed for a day (last: HTTP 500)");
    expect(mail.text).toContain("/settings/webhooks");
    expect(smtp.mailTo(collector.email)).toEqual([]);
    expect(smtp.mailTo(formerAdmin.email)).toEqual([]);
    const notified = await db.auditEvent.findFirstOrThrow({
      where: { orgId: org.id, kind: "webhook_endpoint.admins_notified" },
    });
    expect(notified.payload).toMatchObject({ recipients: [admin.email], transport: "smtp", url: inbox.url });
    // Told once per switch-off: the job run again sends nothing.
    expect(
      await notifyAdminsEndpointDisabled(db, {
        endpointId: endpoint.id,
        transport: smtpSender(`smtp://127.0.0.1:${smtp.port}`),
      }),
    ).toBeNull();
    expect(smtp.mailTo(admin.email)).toHaveLength(1);
    await smtp.close();
    // Switched off: a new event queues nothing for it.
    await api(
      "POST",
      "/payments",
      { customerReference: "C1", currency: "EUR", amount: "5.00", receivedOn: "2026-11-19" },
      { "idempotency-key": "p2" },
    );
    expect(await db.webhookDelivery.count({ where: { orgId: org.id } })).toBe(1);
    await inbox.close();
  });
});
