import { randomBytes } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { portalUrlsForLetters } from "@/lib/documents/portal-link";
import { decideProposal, markRequestRead, revokePortalLinks } from "@/lib/portal/handle-request";
import { openPortalInvoiceCopy, openPortalLetterCopy, openPortalPage } from "@/lib/portal/open-portal-page";
import { resolvePortalLink } from "@/lib/portal/resolve-link";
import { submitPortalRequest } from "@/lib/portal/submit-request";
import { addDaysTo, todayIn } from "@/lib/time/dates";
import { loadToday } from "@/lib/today/today-sections";
import { runHousekeeping } from "@/lib/worker/housekeeping";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createLetter, createOrg, createUser } from "./factories";

// The customer's page from the outside: what a link opens and what it refuses, what
// the customer's answers change (the history, Today, the next letter) and what they
// never change (amounts, another customer's data). Real PostgreSQL, no mocks.

const db = useTestDb();
const DAY = 86_400_000;
let ipSeq = 0;
/** Each test its own address, so the per-address limits of one test never touch another. */
const freshIp = () => `203.0.113.${(ipSeq++ % 250) + 1}-${randomBytes(3).toString("hex")}`;

async function account(opts: { language?: "en" | "it" | "nb" } = {}) {
  const org = await createOrg(db);
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { currency: "EUR", language: opts.language ?? "en" });
  const now = new Date();
  const today = todayIn(org.timeZone, now);
  const [a, b] = [
    await createInvoice(db, customer, { amountMinor: 125_000, dueDate: addDaysTo(today, -40), number: "INV-A" }),
    await createInvoice(db, customer, { amountMinor: 30_000, dueDate: addDaysTo(today, -20), number: "INV-B" }),
  ];
  await db.orgBankAccount.create({
    data: { orgId: org.id, currency: "EUR", bankName: "DNB", iban: "NO9386011117947", bic: "DNBANOKK" },
  });
  const letter = await createLetter(db, customer);
  const token = await linkOf(letter);
  const actor = { userId: collector.id, role: "COLLECTOR" as const };
  return { org, collector, actor, customer, invoices: [a, b], letter, token, now, today };
}

/** The account's next letter, in the same case as its first. */
async function nextLetter(
  first: { caseId: string; orgId: string; customerId: string; currency: string },
  stage: number,
) {
  const {
    id: _id,
    sentAt: _sentAt,
    seq: _seq,
    prevHash: _p,
    entryHash: _e,
    ...copy
  } = await db.letter.findFirstOrThrow({
    where: { caseId: first.caseId },
  });
  return db.letter.create({
    data: {
      ...copy,
      stage,
      invoices: copy.invoices ?? [],
      letterhead: undefined,
      charges: undefined,
      enclosures: undefined,
      protocolForms: undefined,
    },
  });
}

async function linkOf(letter: { id: string; orgId: string; customerId: string; currency: string; sentAt: Date }) {
  const urls = await portalUrlsForLetters(db, [{ ...letter, issuedAt: letter.sentAt }]);
  return urls.get(letter.id)!.split("/p/")[1];
}

const snapshot = async (orgId: string) => ({
  invoices: await db.invoice.findMany({
    where: { orgId },
    select: { id: true, amountMinor: true, paidMinor: true },
    orderBy: { id: "asc" },
  }),
  requests: await db.customerRequest.count({ where: { orgId } }),
  disputes: await db.invoiceDispute.count({ where: { orgId } }),
  contacts: await db.contactAttempt.count({ where: { orgId } }),
  files: await db.customerFile.count({ where: { orgId } }),
});

describe("the link", () => {
  it("opens the one account it was printed for, with the payment details and a SEPA QR code", async () => {
    const fx = await account();
    const other = await createCustomer(db, fx.org.id, { currency: "EUR" });
    await createInvoice(db, other, { amountMinor: 99_900, dueDate: addDaysTo(fx.today, -5), number: "OTHER-1" });
    const view = await openPortalPage(db, { token: fx.token, ip: freshIp(), now: fx.now });
    expect(view.status).toBe("ok");
    if (view.status !== "ok") return;
    expect(view.value.invoices.map((i) => i.number)).toEqual(["INV-A", "INV-B"]);
    expect(view.value.totalOpen).toBe("€1,550.00");
    expect(view.value.invoices[0].reference).toMatch(/^RF\d{2}INVA$/);
    expect(view.value.epc?.amount).toBe("€1,550.00");
    expect(view.value.letters.map((l) => l.id)).toEqual([fx.letter.id]);
    // The same letter rendered again prints the same link: one row, the same token.
    expect(await linkOf(fx.letter)).toBe(fx.token);
    expect(await db.portalLink.count({ where: { letterId: fx.letter.id } })).toBe(1);
    // Only the hash is stored.
    const row = await db.portalLink.findUniqueOrThrow({ where: { letterId: fx.letter.id } });
    expect(JSON.stringify(row)).not.toContain(fx.token);
  });

  it("expires portal_link_days after the account's newest document, and a newer letter extends it", async () => {
    const fx = await account();
    const sent = fx.letter.sentAt.getTime();
    expect((await resolvePortalLink(db, fx.token, new Date(sent + 89 * DAY))).ok).toBe(true);
    expect(await resolvePortalLink(db, fx.token, new Date(sent + 90 * DAY + 1000))).toEqual({
      ok: false,
      reason: "expired",
    });
    const later = await nextLetter(fx.letter, 2);
    const laterSent = later.sentAt.getTime();
    expect((await resolvePortalLink(db, fx.token, new Date(laterSent + 89 * DAY))).ok).toBe(true);
    await db.organization.update({ where: { id: fx.org.id }, data: { portalLinkDays: 10 } });
    expect(await resolvePortalLink(db, fx.token, new Date(laterSent + 11 * DAY))).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("stops working when a collector revokes it; the next letter prints a new link that works", async () => {
    const fx = await account();
    await revokePortalLinks(db, {
      orgId: fx.org.id,
      actor: fx.actor,
      customerId: fx.customer.id,
      currency: "EUR",
      now: new Date(),
    });
    expect(await resolvePortalLink(db, fx.token, new Date())).toEqual({ ok: false, reason: "revoked" });
    const before = await snapshot(fx.org.id);
    const refused = await submitPortalRequest(db, {
      token: fx.token,
      ip: freshIp(),
      now: new Date(),
      kind: "message",
      raw: { text: "hello" },
    });
    expect(refused).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await snapshot(fx.org.id)).toEqual(before);
    await new Promise((r) => setTimeout(r, 5));
    const next = await nextLetter(fx.letter, 2);
    const fresh = await linkOf(next);
    expect(fresh).not.toBe(fx.token);
    expect((await resolvePortalLink(db, fresh, new Date())).ok).toBe(true);
    expect((await resolvePortalLink(db, fx.token, new Date())).ok).toBe(false);
    const audit = await db.auditEvent.findMany({ where: { orgId: fx.org.id, kind: "portal.links_revoked" } });
    expect(audit).toHaveLength(1);
  });

  it("cannot be guessed: a malformed or unknown token opens nothing, and an address that keeps guessing is shut out", async () => {
    const fx = await account();
    const ip = freshIp();
    expect((await openPortalPage(db, { token: "short", ip, now: fx.now })).status).toBe("dead");
    for (let i = 0; i < 9; i++) {
      const guess = randomBytes(32).toString("base64url");
      expect((await openPortalPage(db, { token: guess, ip, now: fx.now })).status).toBe("dead");
    }
    // Ten failures: now even the right token is refused from that address, and answers change nothing.
    expect((await openPortalPage(db, { token: fx.token, ip, now: fx.now })).status).toBe("limited");
    const before = await snapshot(fx.org.id);
    expect(
      await submitPortalRequest(db, { token: fx.token, ip, now: fx.now, kind: "message", raw: { text: "hi" } }),
    ).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await snapshot(fx.org.id)).toEqual(before);
    // Another address is not affected.
    expect((await openPortalPage(db, { token: fx.token, ip: freshIp(), now: fx.now })).status).toBe("ok");
  });

  it("never reaches another customer's invoices or letters, even with their ids", async () => {
    const fx = await account();
    const other = await account();
    const ip = freshIp();
    const before = await snapshot(other.org.id);
    const dispute = await submitPortalRequest(db, {
      token: fx.token,
      ip,
      now: fx.now,
      kind: "dispute",
      raw: { invoiceId: other.invoices[0].id, reason: "not mine" },
    });
    expect(dispute).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { invoiceId: expect.any(Array) } });
    expect(await snapshot(other.org.id)).toEqual(before);
    expect(await db.customerRequest.count({ where: { orgId: fx.org.id } })).toBe(0);
    expect(
      (await openPortalLetterCopy(db, { token: fx.token, ip, now: fx.now, letterId: other.letter.id })).status,
    ).toBe("dead");
    expect(
      (await openPortalInvoiceCopy(db, { token: fx.token, ip, now: fx.now, invoiceId: other.invoices[0].id })).status,
    ).toBe("dead");
    const own = await openPortalLetterCopy(db, { token: fx.token, ip, now: fx.now, letterId: fx.letter.id });
    expect(own.status).toBe("ok");
    if (own.status === "ok") expect(Buffer.from(own.value.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });
});

describe("the customer's answers", () => {
  it("'We have paid' logs a portal contact, shows on Today, holds the next letter until a collector reads it", async () => {
    const fx = await account();
    const nextBefore = (
      await getAccountCollections(db, { orgId: fx.org.id, customerId: fx.customer.id, now: fx.now })
    )[0];
    expect(nextBefore.action.kind).toBe("letter");
    const result = await submitPortalRequest(db, {
      token: fx.token,
      ip: freshIp(),
      now: fx.now,
      kind: "paid",
      raw: { paidOn: fx.today, amount: "1550.00", reference: "Bank ref 77" },
    });
    expect(result).toMatchObject({ ok: true });
    const contact = await db.contactAttempt.findFirstOrThrow({
      where: { customerId: fx.customer.id, channel: "PORTAL" },
    });
    expect(contact).toMatchObject({ direction: "INBOUND", userId: null });
    expect(contact.note).toContain("Bank ref 77");
    const held = (await getAccountCollections(db, { orgId: fx.org.id, customerId: fx.customer.id, now: fx.now }))[0];
    expect(held.action).toMatchObject({ kind: "none" });
    expect(held.action.reason).toContain("says it paid");
    const today = await loadToday(db, {
      orgId: fx.org.id,
      now: fx.now,
      timeZone: fx.org.timeZone,
      locale: "en-GB",
      mine: null,
      limit: 10,
    });
    const fromCustomers = today.sections.find((s) => s.key === "fromCustomers")!;
    expect(fromCustomers.count).toBe(1);
    expect(fromCustomers.items[0].text).toContain("Says it has paid €1,550.00");
    const request = await db.customerRequest.findFirstOrThrow({ where: { customerId: fx.customer.id } });
    await markRequestRead(db, { orgId: fx.org.id, actor: fx.actor, requestId: request.id, now: new Date() });
    const after = (await getAccountCollections(db, { orgId: fx.org.id, customerId: fx.customer.id, now: fx.now }))[0];
    expect(after.action.kind).toBe("letter");
    expect(
      await db.auditEvent.count({
        where: { orgId: fx.org.id, kind: { in: ["portal.request", "portal.request_handled"] } },
      }),
    ).toBe(2);
  });

  it("a dispute marks the invoice disputed (out of the letters) and keeps the attachment as received", async () => {
    const fx = await account();
    const doc = await PDFDocument.create();
    doc.addPage().drawText("Delivery note: nothing delivered");
    const pdf = Buffer.from(await doc.save());
    const result = await submitPortalRequest(db, {
      token: fx.token,
      ip: freshIp(),
      now: fx.now,
      kind: "dispute",
      raw: {
        invoiceId: fx.invoices[1].id,
        reason: "Goods never arrived",
        file: new File([pdf], "proof.pdf", { type: "application/pdf" }),
      },
    });
    expect(result).toMatchObject({ ok: true });
    const dispute = await db.invoiceDispute.findFirstOrThrow({ where: { invoiceId: fx.invoices[1].id } });
    expect(dispute.userId).toBeNull();
    const file = await db.customerFile.findFirstOrThrow({ where: { customerId: fx.customer.id } });
    expect(Buffer.from(file.bytes).equals(pdf)).toBe(true);
    expect(file.contentType).toBe("application/pdf");
    const state = (await getAccountCollections(db, { orgId: fx.org.id, customerId: fx.customer.id, now: fx.now }))[0];
    expect(state.state.facts.invoices.find((i) => i.id === fx.invoices[1].id)?.disputed).toBe(true);
  });

  it("refuses an attachment of the wrong type or size, and nothing is stored", async () => {
    const fx = await account();
    const before = await snapshot(fx.org.id);
    const cases = [
      new File([Buffer.from("MZ\x90\x00 this is an executable")], "invoice.pdf", { type: "application/pdf" }),
      new File([Buffer.from("<svg onload=alert(1)>")], "x.png", { type: "image/png" }),
      // PDF magic and trailer, but no readable document between them: the sandbox's parse refuses it.
      new File([Buffer.from("%PDF-1.4\n<script>alert(1)</script>\n%%EOF\n")], "fake.pdf", { type: "application/pdf" }),
      new File([Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(2 * 1024 * 1024)])], "big.pdf", {
        type: "application/pdf",
      }),
    ];
    for (const file of cases) {
      const result = await submitPortalRequest(db, {
        token: fx.token,
        ip: freshIp(),
        now: fx.now,
        kind: "dispute",
        raw: { invoiceId: fx.invoices[0].id, reason: "x", file },
      });
      expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { file: expect.any(Array) } });
    }
    expect(await snapshot(fx.org.id)).toEqual(before);
  });

  it("stores markup in every customer-written field verbatim (shown escaped), and changes no amount", async () => {
    const fx = await account();
    const xss = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    const ip = freshIp();
    const answers = [
      { kind: "paid" as const, raw: { paidOn: fx.today, amount: "10.00", reference: xss } },
      { kind: "dispute" as const, raw: { invoiceId: fx.invoices[0].id, reason: xss } },
      { kind: "time" as const, raw: { promisedFor: addDaysTo(fx.today, 14), note: xss } },
      { kind: "message" as const, raw: { text: xss } },
    ];
    const amounts = await snapshot(fx.org.id);
    for (const a of answers)
      expect(await submitPortalRequest(db, { token: fx.token, ip, now: fx.now, ...a })).toMatchObject({ ok: true });
    const requests = await db.customerRequest.findMany({ where: { customerId: fx.customer.id } });
    // A paid claim's reference is kept on its claim (paid_claims, the one store of claims).
    const withClaims = await db.customerRequest.findMany({
      where: { customerId: fx.customer.id },
      include: { paidClaim: { select: { reference: true } } },
    });
    expect(requests).toHaveLength(withClaims.length);
    expect(withClaims.map((r) => r.paidClaim?.reference || r.message).sort()).toEqual([xss, xss, xss, xss]);
    const notes = await db.contactAttempt.findMany({ where: { customerId: fx.customer.id, channel: "PORTAL" } });
    expect(notes.every((n) => n.note.includes(xss))).toBe(true);
    expect((await snapshot(fx.org.id)).invoices).toEqual(amounts.invoices);
  });

  it("refuses bad fields in the customer's language and changes nothing", async () => {
    const fx = await account({ language: "nb" });
    const before = await snapshot(fx.org.id);
    const ip = freshIp();
    const bad = [
      { kind: "paid" as const, raw: { paidOn: addDaysTo(fx.today, 3), amount: "10" } },
      { kind: "paid" as const, raw: { paidOn: fx.today, amount: "-5" } },
      { kind: "time" as const, raw: { promisedFor: addDaysTo(fx.today, -1) } },
      { kind: "time" as const, raw: { instalments: "tomorrow 100" } },
      { kind: "message" as const, raw: { text: "   " } },
      { kind: "message" as const, raw: { text: "a\u0000b" } },
    ];
    for (const b of bad) {
      const result = await submitPortalRequest(db, { token: fx.token, ip, now: fx.now, ...b });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toBe("Noen felt må rettes.");
    }
    expect(await snapshot(fx.org.id)).toEqual(before);
  });

  it("a plan proposal waits for a collector; accepted, it becomes the payment plan that pauses the letters", async () => {
    const fx = await account({ language: "it" });
    const result = await submitPortalRequest(db, {
      token: fx.token,
      ip: freshIp(),
      now: fx.now,
      kind: "time",
      raw: { instalments: `${addDaysTo(fx.today, 10)} 775,00\n${addDaysTo(fx.today, 40)} 775,00` },
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Grazie") });
    expect(await db.paymentPlan.count({ where: { customerId: fx.customer.id } })).toBe(0);
    const request = await db.customerRequest.findFirstOrThrow({ where: { customerId: fx.customer.id, kind: "PLAN" } });
    await expect(
      markRequestRead(db, { orgId: fx.org.id, actor: fx.actor, requestId: request.id, now: new Date() }),
    ).rejects.toThrow(/Accept or decline/);
    await decideProposal(db, {
      orgId: fx.org.id,
      actor: fx.actor,
      requestId: request.id,
      accept: true,
      now: new Date(),
    });
    const plan = await db.paymentPlan.findFirstOrThrow({
      where: { customerId: fx.customer.id },
      include: { instalments: true },
    });
    expect(plan.instalments.map((i) => Number(i.amountMinor))).toEqual([77_500, 77_500]);
    await expect(
      decideProposal(db, { orgId: fx.org.id, actor: fx.actor, requestId: request.id, accept: true, now: new Date() }),
    ).rejects.toThrow(/already handled/);
    const state = (await getAccountCollections(db, { orgId: fx.org.id, customerId: fx.customer.id, now: fx.now }))[0];
    expect(state.action).toMatchObject({ kind: "letter", due: false, heldByPromise: true });
  });

  it("refuses more than ten answers from one link in ten minutes; the refused one changes nothing", async () => {
    const fx = await account();
    for (let i = 0; i < 10; i++) {
      const r = await submitPortalRequest(db, {
        token: fx.token,
        ip: freshIp(),
        now: fx.now,
        kind: "message",
        raw: { text: `m${i}` },
      });
      expect(r.ok).toBe(true);
    }
    const before = await snapshot(fx.org.id);
    const refused = await submitPortalRequest(db, {
      token: fx.token,
      ip: freshIp(),
      now: fx.now,
      kind: "message",
      raw: { text: "m10" },
    });
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await snapshot(fx.org.id)).toEqual(before);
    // The next window lets the customer in again.
    const later = new Date(fx.now.getTime() + 11 * 60_000);
    expect(
      (
        await submitPortalRequest(db, {
          token: fx.token,
          ip: freshIp(),
          now: later,
          kind: "message",
          raw: { text: "m11" },
        })
      ).ok,
    ).toBe(true);
  });

  it("forgets rate-limit windows older than a day in the daily housekeeping", async () => {
    const key = `portal:test:${randomBytes(4).toString("hex")}`;
    const old = new Date(Date.now() - 2 * DAY);
    await db.portalRateWindow.createMany({
      data: [
        { key, windowStart: new Date(Math.floor(old.getTime() / 60_000) * 60_000), hits: 5 },
        { key, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), hits: 1 },
      ],
    });
    const done = await runHousekeeping(db, new Date());
    expect(done.rateWindows).toBeGreaterThanOrEqual(1);
    expect(await db.portalRateWindow.count({ where: { key } })).toBe(1);
  });
});
