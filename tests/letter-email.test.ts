import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { deliveryStatuses, failedDeliveries } from "@/lib/delivery/delivery-status";
import { smtpSender } from "@/lib/delivery/mail-transport";
import { retryEmailDelivery } from "@/lib/delivery/request-email-delivery";
import { deliveryTasks } from "@/lib/delivery/tasks";
import { runDueJobs } from "@/lib/jobs/queue";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";
import { smtpInbox } from "./smtp-inbox";

const db = useTestDb();
const url = inject("testDatabaseUrl");
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");

// A real SMTP listener on 127.0.0.1 (tests/smtp-inbox.ts); each account gets its own address.
const smtp = smtpInbox();
beforeAll(() => smtp.listen());
afterAll(() => smtp.close());
let accounts = 0;
const mailTo = smtp.mailTo;

async function accountWithLetterDue(
  language: "en" | "it" | "nb",
  email = `ap-${process.pid}-${++accounts}@customer.example`,
) {
  const org = await createOrg(db, { name: "Aurora Components AS" });
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { name: "Bjørnstad AS", currency: "NOK", language, email });
  await createInvoice(db, customer, { amountMinor: 125000, dueDate: "2026-11-01", issueDate: "2026-10-02" });
  const actor = { userId: collector.id, role: "COLLECTOR" as const };
  return { org, actor, customer, email, account: { orgId: org.id, customerId: customer.id, currency: "NOK" } };
}

describe("letters by email", () => {
  it("sends the letter through SMTP as a short message with the PDF attached, and records the delivery", async () => {
    const { org, actor, customer, email, account } = await accountWithLetterDue("nb");
    // Replies come back to the account (lib/inbound): the Reply-To names it.
    await db.organization.update({ where: { id: org.id }, data: { replyDomain: `r-${org.id}.replies.example` } });
    const sent = await sendNextLetter(db, { ...account, actor, stage: 1, byEmail: true, now: at("2026-11-05") });
    expect(sent.delivery).toMatchObject({ recipient: email });
    expect((await deliveryStatuses(db, { orgId: org.id, letterIds: [sent.letterId] })).get(sent.letterId)?.state).toBe(
      "queued",
    );

    const started = performance.now();
    await runDueJobs(url, deliveryTasks(db, smtpSender(`smtp://127.0.0.1:${smtp.port}`)));
    console.log(`email delivery (queue run, PDF, SMTP, result rows): ${(performance.now() - started).toFixed(0)} ms`);
    expect(mailTo(email)).toHaveLength(1);
    const mail = mailTo(email)[0];
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(mail.from?.text).toContain("ar@test.example");
    const replyToken = await db.replyToken.findFirstOrThrow({ where: { customerId: customer.id, currency: "NOK" } });
    expect(mail.replyTo?.text).toBe(`reply+${replyToken.token}@r-${org.id}.replies.example`);
    expect(mail.subject).toBe(letter.subject);
    expect(mail.text).toContain("kr 1 250,00");
    expect(mail.text).toContain("19. november 2026");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      contentType: "application/pdf",
      filename: expect.stringMatching(/^letter-1-2026-11-05-.*\.pdf$/),
    });
    const attached = flatText(await pdfToText(mail.attachments[0].content));
    expect(attached).toContain("Påminnelse om forfalt betaling");
    expect(attached).toContain("kr 1 250,00");
    expect(attached).toContain(letter.contentSha256.slice(0, 16));
    // The customer's page: the same address in the message and on the letter, before the sign-off.
    const link = /https?:\/\/\S+\/p\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? "")?.[0];
    expect(link).toBeTruthy();
    expect(attached).toContain(link);
    expect(mail.text?.indexOf(link!)).toBeLessThan(mail.text?.indexOf("Med vennlig hilsen") ?? -1);

    const status = (await deliveryStatuses(db, { orgId: org.id, letterIds: [sent.letterId] })).get(sent.letterId)!;
    expect(status).toMatchObject({ state: "accepted", transport: "smtp", attempt: 1 });
    const attempts = await db.contactAttempt.findMany({
      where: { customerId: customer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ["LETTER", "SENT"],
      ["EMAIL", "DELIVERED"],
    ]);
    expect(attempts[1].note).toContain("accepted by the mail server");

    // The job ran once; running the queue again sends nothing more.
    await runDueJobs(url, deliveryTasks(db, smtpSender(`smtp://127.0.0.1:${smtp.port}`)));
    expect(mailTo(email)).toHaveLength(1);
  });

  it("records a failed delivery without losing the letter, shows it, and a retry delivers it", async () => {
    const { org, actor, customer, email, account } = await accountWithLetterDue("it");
    const sent = await sendNextLetter(db, { ...account, actor, stage: 1, byEmail: true, now: at("2026-11-05") });
    const usedPort = smtp.port;
    await smtp.close(); // the mail server is down

    let started = performance.now();
    await runDueJobs(url, deliveryTasks(db, smtpSender(`smtp://127.0.0.1:${usedPort}`)));
    console.log(`failed delivery recorded: ${(performance.now() - started).toFixed(0)} ms`);
    const failed = (await deliveryStatuses(db, { orgId: org.id, letterIds: [sent.letterId] })).get(sent.letterId)!;
    expect(failed).toMatchObject({ state: "failed", attempt: 1, retrying: true });
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);
    expect(await db.letter.count({ where: { id: sent.letterId } })).toBe(1);
    const history = await db.contactAttempt.findMany({
      where: { customerId: customer.id },
      orderBy: { createdAt: "asc" },
    });
    expect(history.map((a) => a.outcome)).toEqual(["SENT", "DELIVERY_FAILED"]);
    expect(history[1].note).toContain("not delivered");
    expect((await failedDeliveries(db, { orgId: org.id })).map((f) => f.documentId)).toEqual([sent.letterId]);

    await smtp.listen(usedPort); // back up
    const retry = await retryEmailDelivery(db, { orgId: org.id, actor, letterId: sent.letterId });
    await expect(retryEmailDelivery(db, { orgId: org.id, actor, letterId: sent.letterId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    started = performance.now();
    await runDueJobs(url, deliveryTasks(db, smtpSender(`smtp://127.0.0.1:${smtp.port}`)));
    console.log(`retry delivered: ${(performance.now() - started).toFixed(0)} ms`);
    expect(mailTo(email)).toHaveLength(1);
    expect(mailTo(email)[0].subject).toContain("Sollecito di pagamento");
    const after = (await deliveryStatuses(db, { orgId: org.id, letterIds: [sent.letterId] })).get(sent.letterId)!;
    expect(after).toMatchObject({ state: "accepted", deliveryId: retry.deliveryId });
    expect(await failedDeliveries(db, { orgId: org.id })).toEqual([]);
    // The failed try stays in the record.
    expect(await db.letterDeliveryResult.count({ where: { orgId: org.id, outcome: "FAILED" } })).toBe(1);
    const outcomes = (
      await db.contactAttempt.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } })
    ).map((a) => a.outcome);
    expect(outcomes).toEqual(["SENT", "DELIVERY_FAILED", "DELIVERED"]);
  });

  it("without SMTP_URL writes the message to the outbox and says it was not sent", async () => {
    const { org, actor, customer, email, account } = await accountWithLetterDue("en");
    const sent = await sendNextLetter(db, { ...account, actor, stage: 1, byEmail: true, now: at("2026-11-05") });
    await runDueJobs(url, deliveryTasks(db, { kind: "outbox" }));
    const outbox = await db.outboxMessage.findMany({ where: { orgId: org.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ toAddress: email, attachmentName: expect.stringMatching(/\.pdf$/) });
    expect(flatText(await pdfToText(outbox[0].attachment))).toContain("Payment reminder");
    const status = (await deliveryStatuses(db, { orgId: org.id, letterIds: [sent.letterId] })).get(sent.letterId)!;
    expect(status).toMatchObject({ state: "accepted", transport: "outbox" });
    const attempt = await db.contactAttempt.findFirstOrThrow({ where: { customerId: customer.id, channel: "EMAIL" } });
    expect(attempt.note).toContain("outbox (demo mode, no SMTP_URL); not sent");
  });

  it("refuses email for a customer without an email address, and sends nothing", async () => {
    const { actor, customer, account } = await accountWithLetterDue("en", "");
    await expect(
      sendNextLetter(db, { ...account, actor, stage: 1, byEmail: true, now: at("2026-11-05") }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.letter.count({ where: { customerId: customer.id } })).toBe(0);
  });
});
