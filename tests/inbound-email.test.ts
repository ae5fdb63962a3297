import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import hoodiecrow from "hoodiecrow-imap";
import { describe, expect, it } from "vitest";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { replyAddressFor } from "@/lib/delivery/reply-address";
import { assignReply, markReplyRead } from "@/lib/inbound/handle-reply";
import { pollImapMailbox } from "@/lib/inbound/poll-imap";
import { MAX_MESSAGE_BYTES } from "@/lib/inbound/receive-message";
import { inboundWebhookRoute } from "@/lib/inbound/webhook-route";
import { addDaysTo, todayIn } from "@/lib/time/dates";
import { loadToday } from "@/lib/today/today-sections";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createLetter, createOrg, createUser } from "./factories";
import { mailgunRequest, mime, postmarkRequest } from "./inbound-mail";

// Replies that come back by themselves (issue 26 §2): real MIME messages through the
// providers' webhooks (the route handlers themselves) and through a real IMAP server
// (hoodiecrow-imap on 127.0.0.1) polled with imapflow, each landing on its account or in
// the unassigned queue; refusals change nothing.

const db = useTestDb();
const env = { INBOUND_WEBHOOK_SECRET: "pm-secret-for-tests", MAILGUN_SIGNING_KEY: "key-mailgun-for-tests" };
const postmark = inboundWebhookRoute("postmark", { db: () => db, env });
const mailgun = inboundWebhookRoute("mailgun", { db: () => db, env });
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

async function setup() {
  const replyDomain = `r${randomBytes(5).toString("hex")}.example.test`;
  const org = await createOrg(db);
  await db.organization.update({ where: { id: org.id }, data: { replyDomain } });
  const collector = await createUser(db, org.id, "COLLECTOR");
  const now = new Date();
  const today = todayIn(org.timeZone, now);
  const make = async (language: "en" | "nb" | "it", email: string) => {
    const customer = await createCustomer(db, org.id, { currency: "EUR", language, email });
    await createInvoice(db, customer, { amountMinor: 80_000, dueDate: addDaysTo(today, -45) });
    await createLetter(db, customer);
    const replyTo = (await replyAddressFor(db, { orgId: org.id, customerId: customer.id, currency: "EUR" }))!;
    return { customer, replyTo };
  };
  const english = await make("en", `ap-${randomBytes(3).toString("hex")}@acme.example`);
  const norwegian = await make("nb", `regnskap-${randomBytes(3).toString("hex")}@fjord.example`);
  const italian = await make("it", `amministrazione-${randomBytes(3).toString("hex")}@rossi.example`);
  const actor = { userId: collector.id, role: "COLLECTOR" as const };
  const nextAction = async (customerId: string) =>
    (await getAccountCollections(db, { orgId: org.id, customerId, now }))[0].action;
  const messagesOf = (customerId: string | null) =>
    db.inboundMessage.findMany({
      where: { orgId: org.id, customerId },
      include: { attachments: true },
      orderBy: { createdAt: "asc" },
    });
  return { org, replyDomain, actor, now, english, norwegian, italian, nextAction, messagesOf };
}

const id = () => `<${randomBytes(8).toString("hex")}@mail.example>`;

describe("reply addresses", () => {
  it("names the account, is made once, and is absent without a reply domain", async () => {
    const fx = await setup();
    expect(fx.english.replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]{20}@${fx.replyDomain.replace(/\./g, "\\.")}$`));
    const again = await replyAddressFor(db, { orgId: fx.org.id, customerId: fx.english.customer.id, currency: "EUR" });
    expect(again).toBe(fx.english.replyTo);
    expect(fx.norwegian.replyTo).not.toBe(fx.english.replyTo);
    const other = await createOrg(db);
    const customer = await createCustomer(db, other.id, { currency: "EUR" });
    expect(await replyAddressFor(db, { orgId: other.id, customerId: customer.id, currency: "EUR" })).toBeNull();
  });
});

describe("the providers' webhooks", () => {
  it("files real messages on the right account, holds the next letter until read, and queues the unknown", async () => {
    const fx = await setup();
    expect((await fx.nextAction(fx.english.customer.id)).kind).toBe("letter");

    // English, plain text, to the account's reply address, by Postmark.
    const plain = await mime({
      from: `Accounts Payable <${fx.english.customer.email}>`,
      to: fx.english.replyTo,
      subject: "Re: Payment reminder",
      text: "Hello,\nwe will pay invoice INV on Friday.\nRegards, AP",
      messageId: id(),
    });
    const r1 = await postmark(postmarkRequest(plain, { secret: env.INBOUND_WEBHOOK_SECRET, to: fx.english.replyTo }));
    expect(r1.status, await r1.clone().text()).toBe(200);
    const [en] = await fx.messagesOf(fx.english.customer.id);
    expect(en).toMatchObject({ matchedBy: "token", currency: "EUR", source: "postmark", autoReply: false });
    expect(Buffer.from(en.raw).equals(plain)).toBe(true); // stored as received
    const contact = await db.contactAttempt.findUniqueOrThrow({ where: { id: en.contactId! } });
    expect(contact).toMatchObject({ channel: "EMAIL", direction: "INBOUND", outcome: "REPLIED", userId: null });
    expect(contact.note).toContain("we will pay invoice INV on Friday");
    const held = await fx.nextAction(fx.english.customer.id);
    expect(held.kind).toBe("none");
    expect(held.reason).toContain("replied by email");

    // Norwegian, HTML only, to the plain address of the reply domain: found by the sender's address, by Mailgun.
    const html = await mime({
      from: fx.norwegian.customer.email,
      to: `innkreving@${fx.replyDomain}`,
      subject: "Re: Betalingspåminnelse — faktura",
      html: "<p>Hei,</p><p>Vi har betalt fakturaen i går. Kvittering følger.</p><p>Hilsen Ærlig Øl AS</p>",
      messageId: id(),
    });
    const r2 = await mailgun(
      mailgunRequest(html, { signingKey: env.MAILGUN_SIGNING_KEY, to: `innkreving@${fx.replyDomain}` }),
    );
    expect(r2.status, await r2.clone().text()).toBe(200);
    const [nb] = await fx.messagesOf(fx.norwegian.customer.id);
    expect(nb).toMatchObject({
      matchedBy: "sender",
      currency: null,
      source: "mailgun",
      subject: "Re: Betalingspåminnelse — faktura",
    });
    expect(nb.textBody).toContain("Vi har betalt fakturaen i går");
    expect(nb.textBody).not.toContain("<p>");
    expect((await fx.nextAction(fx.norwegian.customer.id)).reason).toContain("replied by email");

    // Italian, multipart with a PDF, from an address no customer has: the unassigned queue.
    const withFile = await mime({
      from: "Ufficio Contabilità <contabilita@altro.example>",
      to: `solleciti@${fx.replyDomain}`,
      subject: "Re: Sollecito di pagamento",
      text: "Buongiorno, in allegato la contabile del bonifico. Cordiali saluti",
      attachments: [{ filename: "contabile.pdf", content: PDF, contentType: "application/pdf" }],
      messageId: id(),
    });
    const r3 = await postmark(
      postmarkRequest(withFile, { secret: env.INBOUND_WEBHOOK_SECRET, to: `solleciti@${fx.replyDomain}` }),
    );
    expect(r3.status).toBe(200);
    const [queued] = await fx.messagesOf(null);
    expect(queued).toMatchObject({ matchedBy: null, contactId: null, fromAddress: "contabilita@altro.example" });
    expect(queued.attachments).toHaveLength(1);
    expect(queued.attachments[0]).toMatchObject({
      filename: "contabile.pdf",
      contentType: "application/pdf",
      sizeBytes: PDF.length,
    });
    expect(Buffer.from(queued.attachments[0].content).equals(PDF)).toBe(true);
    expect((await fx.nextAction(fx.italian.customer.id)).kind).toBe("letter");

    // Today: the two filed replies; the queued one is not on an account yet.
    const today = await loadToday(db, {
      orgId: fx.org.id,
      now: fx.now,
      timeZone: fx.org.timeZone,
      locale: "en-GB",
      mine: null,
      limit: 10,
    });
    const replies = today.sections.find((s) => s.key === "replies")!;
    expect(replies.count).toBe(2);
    expect(replies.items.map((i) => i.customerId).sort()).toEqual(
      [fx.english.customer.id, fx.norwegian.customer.id].sort(),
    );

    // A collector files the queued reply on the Italian account: contact logged, letter held.
    await assignReply(db, {
      orgId: fx.org.id,
      actor: fx.actor,
      messageId: queued.id,
      customerId: fx.italian.customer.id,
      currency: "EUR",
      now: fx.now,
    });
    const filed = await db.inboundMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(filed).toMatchObject({ customerId: fx.italian.customer.id, matchedBy: "collector", currency: "EUR" });
    expect(filed.contactId).not.toBeNull();
    expect((await fx.nextAction(fx.italian.customer.id)).reason).toContain("replied by email");
    await expect(
      assignReply(db, {
        orgId: fx.org.id,
        actor: fx.actor,
        messageId: queued.id,
        customerId: fx.english.customer.id,
        currency: null,
        now: fx.now,
      }),
    ).rejects.toThrow(/already filed/);

    // Read: the hold ends.
    await markReplyRead(db, { orgId: fx.org.id, actor: fx.actor, messageId: en.id, now: fx.now });
    expect((await fx.nextAction(fx.english.customer.id)).kind).toBe("letter");
    await expect(
      markReplyRead(db, { orgId: fx.org.id, actor: fx.actor, messageId: en.id, now: fx.now }),
    ).rejects.toThrow(/already read/);
    await expect(
      markReplyRead(db, { orgId: fx.org.id, actor: { ...fx.actor, role: "VIEWER" }, messageId: nb.id, now: fx.now }),
    ).rejects.toThrow(/role/);
    expect(
      await db.auditEvent.count({
        where: { orgId: fx.org.id, kind: { in: ["inbound.received", "inbound.assigned", "inbound.read"] } },
      }),
    ).toBe(5);

    // The same message delivered again (a provider's retry) is stored once.
    const again = await mailgun(mailgunRequest(plain, { signingKey: env.MAILGUN_SIGNING_KEY, to: fx.english.replyTo }));
    expect(await again.json()).toMatchObject({ status: "duplicate", id: en.id });
    expect(await db.inboundMessage.count({ where: { orgId: fx.org.id } })).toBe(3);
  });

  it("recognises auto-replies in three languages: stored and shown, no contact, no hold", async () => {
    const fx = await setup();
    const autos: { c: typeof fx.english; subject: string; headers: Record<string, string>; text: string }[] = [
      {
        c: fx.english,
        subject: "Out of Office: Re: Payment reminder",
        headers: { "X-Autoreply": "yes" },
        text: "I am away until Monday.",
      },
      {
        c: fx.norwegian,
        subject: "Automatisk svar: Betalingspåminnelse",
        headers: {},
        text: "Jeg er på ferie til 2. januar.",
      },
      {
        c: fx.italian,
        subject: "Risposta automatica: Sollecito di pagamento",
        headers: { "Auto-Submitted": "auto-replied" },
        text: "Sono fuori ufficio.",
      },
    ];
    for (const a of autos) {
      const raw = await mime({
        from: a.c.customer.email,
        to: a.c.replyTo,
        subject: a.subject,
        text: a.text,
        headers: a.headers,
        messageId: id(),
      });
      const res = await mailgun(mailgunRequest(raw, { signingKey: env.MAILGUN_SIGNING_KEY, to: a.c.replyTo }));
      expect(res.status).toBe(200);
      const [m] = await fx.messagesOf(a.c.customer.id);
      expect(m).toMatchObject({ autoReply: true, contactId: null, matchedBy: "token" });
      expect((await fx.nextAction(a.c.customer.id)).kind).toBe("letter");
    }
    expect(await db.contactAttempt.count({ where: { orgId: fx.org.id, direction: "INBOUND" } })).toBe(0);
  });

  it("refuses a bad signature, wrong credentials, an old signature, an oversize body and an unknown domain, storing nothing", async () => {
    const fx = await setup();
    const raw = await mime({
      from: fx.english.customer.email,
      to: fx.english.replyTo,
      subject: "Re: x",
      text: "paid",
      messageId: id(),
    });
    const count = () => db.inboundMessage.count({ where: { orgId: fx.org.id } });
    const audits = () => db.auditEvent.count({ where: { orgId: fx.org.id, kind: "inbound.received" } });

    const bad = await mailgun(
      mailgunRequest(raw, { signingKey: env.MAILGUN_SIGNING_KEY, to: fx.english.replyTo, tamper: true }),
    );
    expect(bad.status).toBe(401);
    const otherKey = await mailgun(mailgunRequest(raw, { signingKey: "someone-elses-key", to: fx.english.replyTo }));
    expect(otherKey.status).toBe(401);
    const old = await mailgun(
      mailgunRequest(raw, {
        signingKey: env.MAILGUN_SIGNING_KEY,
        to: fx.english.replyTo,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      }),
    );
    expect(old.status).toBe(401);
    const wrongPassword = await postmark(postmarkRequest(raw, { secret: "guess", to: fx.english.replyTo }));
    expect(wrongPassword.status).toBe(401);

    // Over the cap: Postmark is told 403 (stop retrying), Mailgun 406.
    const huge = await mime({
      from: fx.english.customer.email,
      to: fx.english.replyTo,
      subject: "Re: x",
      text: "big",
      attachments: [
        { filename: "big.bin", content: Buffer.alloc(MAX_MESSAGE_BYTES, 7), contentType: "application/octet-stream" },
      ],
      messageId: id(),
    });
    const bigPm = await postmark(postmarkRequest(huge, { secret: env.INBOUND_WEBHOOK_SECRET, to: fx.english.replyTo }));
    expect(bigPm.status).toBe(403);
    expect((await bigPm.json()).code).toBe("TOO_LARGE");
    const bigMg = await mailgun(mailgunRequest(huge, { signingKey: env.MAILGUN_SIGNING_KEY, to: fx.english.replyTo }));
    expect(bigMg.status).toBe(406);

    const stranger = await mime({
      from: "x@y.example",
      to: "reply+aaaaaaaaaaaaaaaaaaaa@nobody.example",
      subject: "hi",
      text: "hi",
      messageId: id(),
    });
    const unknown = await mailgun(
      mailgunRequest(stranger, {
        signingKey: env.MAILGUN_SIGNING_KEY,
        to: "reply+aaaaaaaaaaaaaaaaaaaa@nobody.example",
      }),
    );
    expect(unknown.status).toBe(406);

    expect(await count()).toBe(0);
    expect(await audits()).toBe(0);
    expect((await fx.nextAction(fx.english.customer.id)).kind).toBe("letter");
  });
});

describe("the IMAP mailbox", () => {
  it("reads unseen messages from a real IMAP server onto their accounts or the queue, marks them seen, and reads none twice", async () => {
    const fx = await setup();
    const messages = [
      await mime({
        from: fx.english.customer.email,
        to: fx.english.replyTo,
        subject: "Re: Reminder",
        text: "Paid today, see attached.",
        attachments: [{ filename: "receipt.pdf", content: PDF, contentType: "application/pdf" }],
        messageId: id(),
      }),
      await mime({
        from: fx.norwegian.customer.email,
        to: `post@${fx.replyDomain}`,
        subject: "Re: Purring",
        html: "<p>Vi bestrider fakturaen: varene kom aldri.</p>",
        messageId: id(),
      }),
      await mime({
        from: fx.italian.customer.email,
        to: fx.italian.replyTo,
        subject: "Risposta automatica: Sollecito",
        text: "Sono in ferie.",
        messageId: id(),
      }),
      await mime({
        from: "sconosciuto@nowhere.example",
        to: `post@${fx.replyDomain}`,
        subject: "Domanda",
        text: "Chi siete?",
        messageId: id(),
      }),
      // For no organization: refused, flagged for a person, never stored.
      await mime({
        from: "spam@nowhere.example",
        to: "someone@unrelated.example",
        subject: "Offer",
        text: "Buy",
        messageId: id(),
      }),
    ];
    const server = hoodiecrow({
      plugins: ["UIDPLUS", "ENABLE", "ID", "UNSELECT"],
      storage: { INBOX: { messages: messages.map((m) => ({ raw: m.toString("utf8"), flags: [] })) } },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as AddressInfo).port;
    const config = { host: "127.0.0.1", port, secure: false, user: "testuser", pass: "testpass", mailbox: "INBOX" };
    try {
      const first = await pollImapMailbox(db, config, { now: () => fx.now });
      expect(first).toEqual({ stored: 4, duplicates: 0, refused: 1, failed: 0 });
      const [en] = await fx.messagesOf(fx.english.customer.id);
      expect(en).toMatchObject({ source: "imap", matchedBy: "token", autoReply: false });
      expect(en.attachments[0]).toMatchObject({ filename: "receipt.pdf", sizeBytes: PDF.length });
      expect((await fx.messagesOf(fx.norwegian.customer.id))[0]).toMatchObject({ matchedBy: "sender" });
      expect((await fx.messagesOf(fx.italian.customer.id))[0]).toMatchObject({ autoReply: true, contactId: null });
      expect((await fx.messagesOf(null))[0]).toMatchObject({ fromAddress: "sconosciuto@nowhere.example" });
      expect((await fx.nextAction(fx.english.customer.id)).reason).toContain("replied by email");
      expect((await fx.nextAction(fx.italian.customer.id)).kind).toBe("letter");
      // Everything read is \Seen; the refused one also \Flagged. A second poll finds nothing new.
      const again = await pollImapMailbox(db, config, { now: () => fx.now });
      expect(again).toEqual({ stored: 0, duplicates: 0, refused: 0, failed: 0 });
      const flags = server.storage.INBOX.messages.map((m: { flags: string[] }) => m.flags);
      expect(flags.every((f: string[]) => f.includes("\\Seen"))).toBe(true);
      expect(flags.filter((f: string[]) => f.includes("\\Flagged"))).toHaveLength(1);
      expect(await db.inboundMessage.count({ where: { orgId: fx.org.id } })).toBe(4);
    } finally {
      await new Promise((resolve) => server.server.close(resolve));
    }
  });
});
