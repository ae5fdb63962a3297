import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openDispute } from "@/lib/collections/disputes";
import { logContact } from "@/lib/collections/log-contact";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { recordPromise } from "@/lib/collections/record-promise";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { recordPayment } from "@/lib/ledger/record-payment";
import { recordWriteOff } from "@/lib/ledger/record-write-off";
import { reversePayment } from "@/lib/ledger/reverse-payment";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createContactAttempt, createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const at = (day: string, time = "10:00") => instantAt(day, time, "Europe/Oslo");
/** A viewer's pack of a customer with one open invoice. */
async function viewersPack(orgId: string, customer: Awaited<ReturnType<typeof createCustomer>>, viewerId: string) {
  await createInvoice(db, customer, { amountMinor: 4200, dueDate: "2026-11-01" });
  return buildHandoffPack(db, {
    orgId,
    customerId: customer.id,
    actor: { userId: viewerId, role: "VIEWER" },
    now: at("2026-12-01"),
  });
}
const HOSTILE_NOTE = '=HYPERLINK("http://x")';

/** An account taken through letters 1–4 with a broken promise, a dispute, a hand-off and ~20 contacts. */
async function accountReadyForHandoff() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const viewer = await createUser(db, org.id, "VIEWER");
  const actor: Actor = { userId: user.id, role: "COLLECTOR" };
  const customer = await createCustomer(db, org.id, { name: "Gamma Srl", currency: "EUR" });
  const account = { orgId: org.id, actor, customerId: customer.id, currency: "EUR" };
  // Short deadlines (8 days for letter 1, 11 for letter 2): each letter goes after the previous one's deadline.
  await db.collectionPolicy.create({ data: { orgId: org.id, deadlineDays1: 8, deadlineDays2: 11 } });
  const invA = await createInvoice(db, customer, {
    amountMinor: 100000,
    issueDate: "2026-10-02",
    dueDate: "2026-11-01",
    number: `A-${customer.id.slice(-6)}`,
  });
  const invB = await createInvoice(db, customer, {
    amountMinor: 50000,
    issueDate: "2026-10-11",
    dueDate: "2026-11-10",
    number: `B-${customer.id.slice(-6)}`,
  });
  const send = (day: string, stage: 1 | 2 | 3 | 4) => sendNextLetter(db, { ...account, stage, now: at(day, "11:00") });
  const call = (day: string, note: string, time = "09:00") =>
    logContact(db, {
      ...account,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "NO_ANSWER",
      occurredOn: day,
      time,
      note,
      now: at(day, "12:00"),
    });

  await logContact(db, {
    ...account,
    channel: "EMAIL",
    direction: "OUTBOUND",
    outcome: "SENT",
    occurredOn: "2026-11-03",
    time: "09:00",
    note: "Overdue notice",
    now: at("2026-11-03"),
  });
  await send("2026-11-05", 1);
  await call("2026-11-06", HOSTILE_NOTE);
  await logContact(db, {
    ...account,
    channel: "PHONE",
    direction: "OUTBOUND",
    outcome: "SPOKE",
    occurredOn: "2026-11-08",
    time: "14:00",
    note: "Will pay 500 by the 15th",
    now: at("2026-11-08", "15:00"),
  });
  await recordPromise(db, {
    ...account,
    amount: "500.00",
    promisedFor: "2026-11-15",
    note: "Promised on the phone",
    now: at("2026-11-08", "15:00"),
  });
  await send("2026-11-16", 2);
  await openDispute(db, {
    orgId: org.id,
    actor,
    invoiceId: invB.id,
    note: "Goods arrived damaged",
    now: at("2026-11-18"),
  });
  await recordPayment(db, { ...account, amount: "200", receivedOn: "2026-11-20", now: at("2026-11-20") });
  for (let d = 21; d <= 29; d++) await call(`2026-11-${d}`, `Follow-up call ${d}`);
  await send("2026-11-30", 3);
  for (let d = 1; d <= 5; d++) await call(`2026-12-0${d}`, `Reminder call ${d}, ø æ å €`);
  await recordHandoff(db, {
    ...account,
    agency: "Nordic Recovery AS",
    reference: "NR-5531",
    handedOverOn: "2026-12-15",
    amount: "800",
    now: at("2026-12-15"),
  });
  await send("2026-12-15", 4);
  return { org, actor, viewer, customer, invA, invB };
}

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("agency hand-off pack", () => {
  it("holds the summary, every letter, the history CSV and a manifest whose hashes match; twice gives the same pack", async () => {
    const { org, actor, customer, invA, invB } = await accountReadyForHandoff();
    const now = at("2026-12-20", "09:00");
    const started = performance.now();
    const pack = await buildHandoffPack(db, { orgId: org.id, customerId: customer.id, actor, now });
    const ms = performance.now() - started;
    console.info(
      `hand-off pack: ${pack.manifest.files.length} files, ${pack.bytes.length} bytes in ${ms.toFixed(0)} ms`,
    );

    const files = unzipSync(pack.bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        "contact-history.csv",
        // The hand-off's lines: letter 3 claimed invoice A's open 800.00 (B was disputed then).
        "handoff-claim.csv",
        "money-movements.csv",
        ...pack.manifest.files.filter((f) => f.name.startsWith("letters/")).map((f) => f.name),
        "manifest.json",
        "summary.pdf",
      ].sort(),
    );
    expect(pack.manifest.files.filter((f) => f.name.startsWith("letters/"))).toHaveLength(4);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
    expect(manifest).toEqual(pack.manifest);
    expect(sha(files["manifest.json"])).toBe(pack.manifestSha256);
    for (const f of manifest.files as { name: string; sha256: string; size: number }[]) {
      expect(files[f.name], f.name).toBeDefined();
      expect(sha(files[f.name]), f.name).toBe(f.sha256);
      expect(files[f.name].length).toBe(f.size);
    }
    expect(Object.keys(files)).toHaveLength(manifest.files.length + 1);
    // Only what letter 3 claimed went over: invoice A's open 800.00, not the disputed B.
    const claim = new TextDecoder().decode(files["handoff-claim.csv"]).trim().split("\n");
    expect(claim.slice(1)).toEqual([
      `2026-12-15,Nordic Recovery AS,NR-5531,letter 3,Invoice,${invA.number},EUR,80000,`,
    ]);

    // Later the same day, from unchanged data: byte-for-byte the same manifest and archive.
    const warm = performance.now();
    const again = await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor,
      now: at("2026-12-20", "17:30"),
    });
    console.info(`hand-off pack again (fonts parsed): ${(performance.now() - warm).toFixed(0)} ms`);
    if (process.env.HANDOFF_PACK_DUMP) writeFileSync(process.env.HANDOFF_PACK_DUMP, files["summary.pdf"]);
    expect(Buffer.from(unzipSync(again.bytes)["manifest.json"]).equals(Buffer.from(files["manifest.json"]))).toBe(true);
    expect(again.manifestSha256).toBe(pack.manifestSha256);
    expect(Buffer.from(again.bytes).equals(Buffer.from(pack.bytes))).toBe(true);

    // The summary shows the customer, invoices, open balance, every contact, promises, the dispute and the hand-off.
    const text = flatText(await pdfToText(files["summary.pdf"]));
    for (const s of [
      "Gamma Srl",
      customer.reference,
      invA.number,
      invB.number,
      "€1,300.00",
      "Nordic Recovery AS",
      "NR-5531",
      "What was handed over",
      "Goods arrived damaged",
      "broken",
      "Overdue notice",
      "Will pay 500 by the 15th",
      "Reminder call 5, ø æ å €",
    ]) {
      expect(text).toContain(s);
    }
    for (let d = 21; d <= 29; d++) expect(text).toContain(`Follow-up call ${d}`);
    for (const f of pack.manifest.files.filter((f) => f.name.startsWith("letters/")))
      expect(text).toContain(f.name.slice("letters/".length));

    // Every letter PDF is the letter as sent.
    const letters = await db.letter.findMany({ where: { customerId: customer.id }, orderBy: { stage: "asc" } });
    const letter4 = Object.entries(files).find(([name]) => name.startsWith("letters/letter-4-"))!;
    expect(flatText(await pdfToText(letter4[1]))).toContain(letters[3].id);

    // The CSV has every contact, with the formula-looking note defused.
    const csv = new TextDecoder().decode(files["contact-history.csv"]);
    const contacts = await db.contactAttempt.count({ where: { customerId: customer.id } });
    expect(contacts).toBeGreaterThanOrEqual(20);
    expect(csv.split("\r\n").filter((l) => l.includes(",contact,"))).toHaveLength(contacts);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    expect(csv).toContain("2026-11-06T08:00:00.000Z,2026-11-06 09:00,");

    // Each pack is in the audit log with its manifest hash.
    const audits = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: "handoff_pack.created" },
      orderBy: { seq: "asc" },
    });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      userId: actor.userId,
      payload: {
        customerId: customer.id,
        currencies: ["EUR"],
        asOf: "2026-12-20",
        files: 9,
        manifestSha256: pack.manifestSha256,
      },
    });
  });

  it("lists every payment and ledger correction as money movements, in the summary and in money-movements.csv", async () => {
    const org = await createOrg(db);
    const actor: Actor = { userId: (await createUser(db, org.id, "COLLECTOR")).id, role: "COLLECTOR" };
    const customer = await createCustomer(db, org.id, { name: "Delta AS", currency: "EUR" });
    const account = { orgId: org.id, actor, customerId: customer.id, currency: "EUR" };
    const a = await createInvoice(db, customer, {
      amountMinor: 100_000,
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      number: "MM-A",
    });
    const b = await createInvoice(db, customer, {
      amountMinor: 30_000,
      issueDate: "2026-10-05",
      dueDate: "2026-11-04",
      number: "MM-B",
    });
    await recordPayment(db, {
      ...account,
      amount: "200",
      receivedOn: "2026-11-10",
      invoiceId: a.id,
      reference: "BANK-77",
      now: at("2026-11-10"),
    });
    const bounced = await recordPayment(db, {
      ...account,
      amount: "50",
      receivedOn: "2026-11-12",
      invoiceId: a.id,
      now: at("2026-11-12"),
    });
    await reversePayment(db, {
      orgId: org.id,
      actor,
      paymentId: bounced.allocations[0].paymentId,
      reason: "Bounced",
      now: at("2026-11-14"),
    });
    const credit = { orgId: org.id, actor, currency: "EUR", now: at("2026-11-15") };
    await recordCreditNote(db, {
      ...credit,
      invoiceId: a.id,
      amountMinor: 10_000,
      reason: "Price adjustment",
      number: "CN-MM-1",
      issuedOn: "2026-11-15",
    });
    await recordCreditNote(db, {
      ...credit,
      customerId: customer.id,
      amountMinor: 2_500,
      reason: "Goodwill",
      number: "CN-MM-2",
      issuedOn: "2026-11-15",
    });
    await recordWriteOff(db, {
      orgId: org.id,
      actor,
      invoiceId: b.id,
      reason: "Too small to chase",
      now: at("2026-11-16"),
    });

    const pack = await buildHandoffPack(db, { orgId: org.id, customerId: customer.id, actor, now: at("2026-11-20") });
    const files = unzipSync(pack.bytes);
    const text = flatText(await pdfToText(files["summary.pdf"]));
    for (const s of [
      "Money movements",
      "BANK-77",
      "payment (later reversed)",
      "payment reversed",
      "Bounced",
      "CN-MM-1",
      "Price adjustment",
      "CN-MM-2",
      "on account",
      "write-off",
      "Too small to chase",
      "€300.00",
    ])
      expect(text).toContain(s);
    const rows = new TextDecoder().decode(files["money-movements.csv"]).split("\r\n").filter(Boolean);
    expect(rows.map((r) => r.split(",")[3]).slice(1)).toEqual([
      "payment",
      "payment",
      "payment_reversal",
      "credit_note",
      "credit_note",
      "write_off",
    ]);
    expect(rows.find((r) => r.includes("CN-MM-2"))).toContain(",2026-11-15,credit_note,,CN-MM-2,EUR,2500,Goodwill,");
    expect(pack.manifest.files.map((f) => f.name)).toContain("money-movements.csv");
  });

  it("puts payments and corrections into the contact history by the day they happened, with the entry time shown", async () => {
    const org = await createOrg(db);
    const actor: Actor = { userId: (await createUser(db, org.id, "COLLECTOR")).id, role: "COLLECTOR" };
    const customer = await createCustomer(db, org.id, { name: "Epsilon AS", currency: "EUR" });
    const invoice = await createInvoice(db, customer, {
      amountMinor: 100_000,
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      number: "DO-1",
    });
    // Received on the 3rd, entered later (now): before the call of the 8th, though entered after it.
    await recordPayment(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      currency: "EUR",
      amount: "200",
      receivedOn: "2026-11-03",
      invoiceId: invoice.id,
      reference: "LATE-ENTRY",
      now: at("2026-11-12"),
    });
    await createContactAttempt(db, customer, { occurredAt: at("2026-11-08", "09:15"), note: "Called AP" });
    await recordCreditNote(db, {
      orgId: org.id,
      actor,
      currency: "EUR",
      now: at("2026-11-15"),
      invoiceId: invoice.id,
      amountMinor: 5_000,
      reason: "Price adjustment",
      number: "CN-DO-1",
      issuedOn: "2026-11-15",
    });
    const pack = await buildHandoffPack(db, { orgId: org.id, customerId: customer.id, actor, now: at("2026-11-20") });
    const rows = new TextDecoder().decode(unzipSync(pack.bytes)["contact-history.csv"]).split("\r\n").filter(Boolean);
    const body = rows.slice(1).map((r) => r.split(","));
    expect(body.map((cells) => [cells[3], cells[11]])).toEqual([
      ["payment", "2026-11-03"],
      ["contact", "2026-11-08"],
      ["credit_note", "2026-11-15"],
    ]);
    // The payment's row shows when it was entered, and what it was.
    const payment = await db.payment.findFirstOrThrow({ where: { customerId: customer.id } });
    expect(body[0][0]).toBe(payment.createdAt.toISOString());
    expect(body[0][0] > body[1][0]).toBe(true); // entered after the call, listed before it
    expect(body[0].slice(12)).toEqual(["DO-1", "EUR", "20000"]);
    expect(rows[0]).toContain("Happened on");
  });

  it("writes the customer's address in the letters' format (US 'Boston, MA 02110')", async () => {
    const org = await createOrg(db);
    const viewer = await createUser(db, org.id, "VIEWER");
    const customer = await createCustomer(db, org.id, { name: "Harborview Marine Inc.", countryCode: "US" });
    await db.customer.update({
      where: { id: customer.id },
      data: { addressLine1: "200 Atlantic Avenue", city: "Boston", region: "MA", postalCode: "02110", country: "USA" },
    });
    const pack = await viewersPack(org.id, customer, viewer.id);
    const summary = flatText(await pdfToText(unzipSync(pack.bytes)["summary.pdf"]));
    expect(summary).toContain("200 Atlantic Avenue");
    expect(summary).toContain("Boston, MA 02110");
    expect(summary).not.toContain("02110 Boston");
  });

  it("may be made by a viewer; another organization's customer is NOT_FOUND and nothing is audited there", async () => {
    const org = await createOrg(db);
    const viewer = await createUser(db, org.id, "VIEWER");
    const customer = await createCustomer(db, org.id, { name: "Quiet Ltd" });
    const pack = await viewersPack(org.id, customer, viewer.id);
    expect(pack.manifest.files.map((f) => f.name)).toEqual([
      "contact-history.csv",
      "money-movements.csv",
      "summary.pdf",
    ]);

    // The archive does not depend on the server's time zone (ZIP stores wall-clock times).
    const tz = process.env.TZ;
    try {
      process.env.TZ = "America/Los_Angeles";
      const elsewhere = await buildHandoffPack(db, {
        orgId: org.id,
        customerId: customer.id,
        actor: { userId: viewer.id, role: "VIEWER" },
        now: at("2026-12-01", "15:00"),
      });
      expect(Buffer.from(elsewhere.bytes).equals(Buffer.from(pack.bytes))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }

    const other = await createOrg(db);
    const stranger = await createUser(db, other.id, "ADMIN");
    await expect(
      buildHandoffPack(db, {
        orgId: other.id,
        customerId: customer.id,
        actor: { userId: stranger.id, role: "ADMIN" },
        now: at("2026-12-01"),
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { orgId: other.id, kind: "handoff_pack.created" } })).toBe(0);
  });

  it.each([
    [
      "it",
      "NOK",
      [
        "Riepilogo per l'agenzia di recupero: Cliente",
        "Saldo aperto",
        "Scaduto al 20/12/2026",
        "Fatture",
        "01/11/2026",
        "1.250,50 NOK",
        "Giorni di ritardo",
        "Promesse di pagamento",
        "in attesa",
        "telefono in uscita, nessuna risposta",
        "Chiamata",
        "Promessa di pagamento di 100,00 NOK entro il 30/12/2026",
        "Pagina 1/1",
      ],
    ],
    [
      "nb",
      "NOK",
      [
        "Sammendrag for inkassooverlevering: Cliente",
        "Åpen saldo",
        "Forfalt per 20.12.2026",
        "Fakturaer",
        "01.11.2026",
        "kr 1 250,50",
        "Dager over forfall",
        "Betalingsløfter",
        "venter",
        "telefon utgående, ikke svar",
        "Chiamata",
        "Lovet å betale kr 100,00 innen 30.12.2026",
        "Side 1/1",
      ],
    ],
  ] as const)(
    "writes the summary in the customer's language (%s), dates and amounts as their letters do",
    async (language, currency, expected) => {
      const org = await createOrg(db);
      const user = await createUser(db, org.id, "COLLECTOR");
      const actor: Actor = { userId: user.id, role: "COLLECTOR" };
      const customer = await createCustomer(db, org.id, { name: "Cliente Bjørnstad", currency, language });
      const account = { orgId: org.id, actor, customerId: customer.id, currency };
      await createInvoice(db, customer, { amountMinor: 125050, issueDate: "2026-10-02", dueDate: "2026-11-01" });
      await logContact(db, {
        ...account,
        channel: "PHONE",
        direction: "OUTBOUND",
        outcome: "NO_ANSWER",
        occurredOn: "2026-12-02",
        time: "09:00",
        note: "Chiamata",
        now: at("2026-12-02", "12:00"),
      });
      await recordPromise(db, {
        ...account,
        amount: "100",
        promisedFor: "2026-12-30",
        note: "",
        now: at("2026-12-03"),
      });
      const pack = await buildHandoffPack(db, { orgId: org.id, customerId: customer.id, actor, now: at("2026-12-20") });
      const text = flatText(await pdfToText(unzipSync(pack.bytes)["summary.pdf"]));
      for (const s of expected) expect(text).toContain(s);
      for (const english of [
        "Hand-off summary",
        "Open balance",
        "Invoices",
        "Promises to pay",
        "Promise to pay",
        "Page 1/1",
        "no answer",
      ])
        expect(text).not.toContain(english);
    },
  );
});
