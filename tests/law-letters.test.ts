import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { addReferenceRate } from "@/lib/law/add-reference-rate";
import { parseLetterCharges } from "@/lib/law/charges";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";
import { recordChargePayment } from "@/lib/law/record-charge-payment";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";

const db = useTestDb();
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");

async function norwegianAccount(opts: { countryCode?: string | null; charges?: boolean } = {}) {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, {
    name: "Fjord AS",
    currency: "NOK",
    language: "nb",
    countryCode: opts.countryCode === undefined ? "NO" : opts.countryCode,
  });
  if (opts.charges !== false)
    await db.lawSettings.create({
      data: { orgId: org.id, statutoryInterest: true, statutoryCompensation: true, reminderFee: true },
    });
  // NOK 10,000.00 due Monday 5 January 2026.
  const invoice = await createInvoice(db, customer, {
    amountMinor: 1_000_000,
    dueDate: "2026-01-05",
    number: `NO-${Date.now()}`,
  });
  const send = (stage: 1 | 2 | 3 | 4, day: string, byEmail = false) =>
    sendNextLetter(db, {
      orgId: org.id,
      customerId: customer.id,
      currency: "NOK",
      actor: { userId: user.id, role: "COLLECTOR" },
      stage,
      byEmail,
      now: at(day),
    });
  return { org, user, customer, invoice, send };
}

describe("Norwegian letters claim interest and fees as separate, frozen claims", () => {
  it("letters 1-3 over a partial payment: figures by hand, frozen on the letter, recorded, principal untouched", async () => {
    const { org, user, customer, invoice, send } = await norwegianAccount();

    const one = await send(1, "2026-01-20");
    const letter1 = await db.letter.findUniqueOrThrow({ where: { id: one.letterId } });
    expect(parseLetterCharges(letter1.charges).map((c) => [c.kind, c.amountMinor, c.ratePercent])).toEqual([
      // 6-20 Jan: 1,000,000 x 15 days x 12.00 % (4.00 + 8) / 365 = 1,800,000 / 365 = 4,931.51 -> 4,932 øre
      ["interest", 4_932, "12.00"],
      // inkassoforskriften § 1-2: inkassosats 700 kr / 20 = 35 kr, 15 days after the due date
      ["reminder_fee", 3_500, null],
      // standardkompensasjon 460 kr less the 35 kr purregebyr actually charged = 425 kr
      ["compensation", 42_500, null],
    ]);
    expect(letter1.body).toContain("Purregebyr");
    expect(letter1.body).toContain("Standardkompensasjon");
    // Charges are their own claims: not in the invoice total.
    expect(letter1.totalDueMinor).toBe(1_000_000n);

    await createPayment(db, invoice, { amountMinor: 400_000, receivedOn: "2026-01-25" });
    // Letter 1 gave 14 + 2 postal days: until Thursday 5 Feb. Letter 2 is not due before 6 Feb.
    expect(one.deadline).toBe("2026-02-05");
    await expect(send(2, "2026-02-05")).rejects.toMatchObject({ code: "TOO_EARLY" });
    const two = await send(2, "2026-02-06");
    const letter2 = await db.letter.findUniqueOrThrow({ where: { id: two.letterId } });
    const charges2 = parseLetterCharges(letter2.charges);
    // Earlier claims are restated, then only what is new: interest from 21 Jan (no day twice);
    // 21-25 Jan (25 Jan, the payment day, counts) 1,000,000 x 5 + 26 Jan-6 Feb 600,000 x 12
    // = 12,200,000 x 12 % / 365 = 1,464,000 / 365 = 4,010.96 -> 4,011.
    // No second purregebyr: the standardkompensasjon already covers the claim.
    expect(charges2.map((c) => [c.kind, c.amountMinor, c.fromDate, c.toDate])).toEqual([
      ["interest", 4_932, "2026-01-06", "2026-01-20"],
      ["reminder_fee", 3_500, null, "2026-01-20"],
      ["compensation", 42_500, null, "2026-01-20"],
      ["interest", 4_011, "2026-01-21", "2026-02-06"],
    ]);
    // Letter 2's deadline: Friday 6 Feb + 16 = Sunday 22 Feb, moved to Monday 23 Feb.
    expect(two.deadline).toBe("2026-02-23");

    // Letter 3, the inkassovarsel, by email without the customer's agreement: refused, nothing changes.
    await expect(send(3, "2026-02-24", true)).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("inkassovarsel by email"),
    });
    // A policy deadline under inkassoloven § 9's 14 days: refused, nothing changes.
    await db.collectionPolicy.create({ data: { orgId: org.id, deadlineDays3: 10 } });
    await expect(send(3, "2026-02-24")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("inkassoloven § 9 second paragraph"),
    });
    expect(await db.letter.count({ where: { customerId: customer.id } })).toBe(2);
    expect(await db.charge.count({ where: { customerId: customer.id } })).toBe(4);

    await db.collectionPolicy.update({ where: { orgId: org.id }, data: { deadlineDays3: 14 } });
    const three = await send(3, "2026-02-24");
    // 14 days + 2 postal days from Tuesday 24 Feb = Thursday 12 Mar.
    expect(three.deadline).toBe("2026-03-12");

    const rows = await db.charge.findMany({ where: { customerId: customer.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.kind, Number(r.amountMinor)])).toEqual([
      ["interest", 4_932],
      ["reminder_fee", 3_500],
      ["compensation", 42_500],
      ["interest", 4_011],
      // 7-24 Feb: 600,000 x 18 x 12 % / 365 = 1,296,000 / 365 = 3,550.68 -> 3,551
      ["interest", 3_551],
    ]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountMinor).toBe(1_000_000n);
    // The hand-off pack carries the charges as their own file, with what is open on each.
    const pack = await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: { userId: user.id, role: "COLLECTOR" },
      now: at("2026-03-10"),
    });
    const csv = new TextDecoder().decode(unzipSync(pack.bytes)["charges.csv"]);
    expect(csv.split("\n").filter(Boolean)).toHaveLength(6);
    expect(csv).toContain("reminder_fee,NOK,3500,0,3500");
    expect(pack.manifest.files.map((f) => f.name)).toContain("charges.csv");

    // A payment against a charge, never against the principal: at most what is open on it.
    await expect(
      recordChargePayment(db, {
        orgId: org.id,
        actor: { userId: user.id, role: "COLLECTOR" },
        chargeId: rows[1].id,
        amount: "40",
        receivedOn: "2026-03-01",
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await recordChargePayment(db, {
      orgId: org.id,
      actor: { userId: user.id, role: "COLLECTOR" },
      chargeId: rows[1].id,
      amount: "35",
      receivedOn: "2026-03-01",
    });
    const lines = await listCustomerCharges(db, { orgId: org.id, customerId: customer.id });
    expect(lines[1]).toMatchObject({ kind: "reminder_fee", paidMinor: 3_500, openMinor: 0 });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).paidMinor).toBe(400_000n);

    // Append-only: a charge cannot be changed.
    await expect(db.charge.update({ where: { id: rows[0].id }, data: { amountMinor: 1n } })).rejects.toThrow(
      /append-only/,
    );
  });

  it("a customer without a country code: refused with the rule, nothing sent", async () => {
    const { customer, send } = await norwegianAccount({ countryCode: null });
    await expect(send(1, "2026-01-20")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("no country code"),
    });
    expect(await db.letter.count({ where: { customerId: customer.id } })).toBe(0);
    expect(await db.collectionCase.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("with charges off (the default), letters claim nothing", async () => {
    const { send } = await norwegianAccount({ charges: false });
    const one = await send(1, "2026-01-20");
    const letter = await db.letter.findUniqueOrThrow({ where: { id: one.letterId } });
    expect(parseLetterCharges(letter.charges)).toEqual([]);
  });
});

describe("reference rates an administrator adds", () => {
  it("adds the next half-year with an audit record; refuses a gap, an overlap and a non-admin", async () => {
    const org = await createOrg(db);
    const admin = await createUser(db, org.id, "ADMIN");
    const collector = await createUser(db, org.id, "COLLECTOR");
    const add = (from: string, role: "ADMIN" | "COLLECTOR" = "ADMIN") =>
      addReferenceRate(db, {
        orgId: org.id,
        actor: { userId: role === "ADMIN" ? admin.id : collector.id, role },
        input: { series: "ECB_MRO", from, referencePercent: "2.15", source: "MEF comunicato, GU July 2026" },
      });
    await expect(add("2026-07-01", "COLLECTOR")).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The repository's table ends with 1 Jan - 30 Jun 2026: 1 Jan 2027 would leave a gap.
    await expect(add("2027-01-01")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message:
        "Gap in the ECB main refinancing rate: nothing from 2026-07-01 to 2026-12-31. Add the half-years in order.",
    });
    // A half-year the repository already covers is never changed.
    await expect(add("2026-01-01")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("Overlap in the ECB main refinancing rate"),
    });
    await expect(add("2026-03-01")).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("starts a half-year"),
    });
    expect(await db.referenceRate.count({ where: { orgId: org.id } })).toBe(0);

    await add("2026-07-01");
    await expect(add("2026-07-01")).rejects.toMatchObject({ message: expect.stringContaining("Overlap") });
    const rows = await db.referenceRate.findMany({ where: { orgId: org.id } });
    expect(rows.map((r) => [r.series, r.referencePercent])).toEqual([["ECB_MRO", "2.15"]]);
    const audit = await db.auditEvent.findMany({ where: { orgId: org.id, kind: "law.rate_added" } });
    expect(audit).toHaveLength(1);
  });
});
