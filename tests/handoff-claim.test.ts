import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openDispute } from "@/lib/collections/disputes";
import { loadHandoffClaim, parseHandoffLines } from "@/lib/collections/handoff-claim";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { chargesTotalMinor, parseLetterCharges } from "@/lib/law/charges";
import { recordPayment } from "@/lib/ledger/record-payment";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Issue 27 §3b: the hand-off claims what letter 3 claimed, nothing else unless a collector says why.

const db = useTestDb();
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");

/**
 * A Norwegian account (interest and fees on): invoices A and B go into letter 1, which
 * charges interest and fees on both; B is disputed, so letters 2 and 3 claim A only.
 * After letter 3 a later invoice C arrives and the customer pays NOK 1,000 on A.
 */
async function accountAfterLetter3() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const actor = { userId: user.id, role: "COLLECTOR" as const };
  const customer = await createCustomer(db, org.id, { currency: "NOK", language: "nb", countryCode: "NO" });
  await db.lawSettings.create({
    data: { orgId: org.id, statutoryInterest: true, statutoryCompensation: true, reminderFee: true },
  });
  const suffix = customer.id.slice(-6);
  const invA = await createInvoice(db, customer, {
    amountMinor: 1_000_000,
    dueDate: "2026-01-05",
    number: `A-${suffix}`,
  });
  const invB = await createInvoice(db, customer, {
    amountMinor: 200_000,
    dueDate: "2026-01-05",
    number: `B-${suffix}`,
  });
  const account = { orgId: org.id, actor, customerId: customer.id, currency: "NOK" };
  const send = (stage: 1 | 2 | 3, day: string) => sendNextLetter(db, { ...account, stage, now: at(day) });
  await send(1, "2026-01-20");
  await openDispute(db, { orgId: org.id, actor, invoiceId: invB.id, note: "Wrong quantity", now: at("2026-01-25") });
  await send(2, "2026-02-06");
  const three = await send(3, "2026-02-24");
  const invC = await createInvoice(db, customer, {
    amountMinor: 300_000,
    issueDate: "2026-02-26",
    dueDate: "2026-03-05",
    number: `C-${suffix}`,
  });
  await recordPayment(db, {
    ...account,
    invoiceId: invA.id,
    amount: "1000",
    receivedOn: "2026-03-01",
    now: at("2026-03-01"),
  });
  const letter3 = await db.letter.findUniqueOrThrow({ where: { id: three.letterId } });
  const caseId = letter3.caseId;
  // What letter 3 stated, read from the letter as sent: A's balance then, and its charges.
  const statedCharges = chargesTotalMinor(parseLetterCharges(letter3.charges));
  // B's charges come from letter 1 only: letter 3 never stated them.
  const bCharges = await db.charge.findMany({ where: { invoiceId: invB.id } });
  return { org, actor, customer, account, invA, invB, invC, letter3, caseId, statedCharges, bCharges };
}

describe("the hand-off claims what letter 3 claimed", () => {
  it("pre-fills letter 3's invoices and charges; a later invoice and a fee letter 3 never claimed stay apart", async () => {
    const a = await accountAfterLetter3();
    expect(a.statedCharges).toBeGreaterThan(0);
    expect(a.bCharges.length).toBeGreaterThan(0);
    const claim = await loadHandoffClaim(db, { ...a.account, caseId: a.caseId });

    // A: letter 3 stated 10,000.00; 1,000.00 was paid since, so 9,000.00 goes over. Plus letter 3's charges.
    expect(claim.claimedMinor).toBe(900_000 + a.statedCharges);
    const claimedKeys = claim.claimed.map((l) => l.key);
    expect(claimedKeys).toContain(`invoice:${a.invA.id}`);
    expect(claimedKeys).not.toContain(`invoice:${a.invC.id}`);
    expect(claimedKeys).not.toContain(`invoice:${a.invB.id}`);
    for (const c of a.bCharges) expect(claimedKeys).not.toContain(`charge:${c.id}`);
    expect(claim.claimed.find((l) => l.key === `invoice:${a.invA.id}`)?.amountMinor).toBe(900_000);

    const apart = new Map(claim.apart.map((l) => [l.key, l]));
    expect(apart.get(`invoice:${a.invC.id}`)).toMatchObject({ amountMinor: 300_000, why: "not in letter 3" });
    expect(apart.get(`invoice:${a.invB.id}`)).toMatchObject({ amountMinor: 200_000 });
    for (const c of a.bCharges)
      expect(apart.get(`charge:${c.id}`)).toMatchObject({ amountMinor: Number(c.amountMinor), kind: "charge" });

    // Recorded as is: exactly the claim, line by line; the later invoice and B's fees are not in it.
    const { handoffId } = await recordHandoff(db, {
      ...a.account,
      agency: "Lindorff AS",
      reference: "L-1",
      handedOverOn: "2026-03-13",
      now: at("2026-03-13"),
    });
    const row = await db.agencyHandoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(row.amountMinor).toBe(BigInt(900_000 + a.statedCharges));
    expect(row.includedReason).toBeNull();
    const lines = row.claim as { source: string; invoiceNumber: string | null; amountMinor: number }[];
    expect(lines.every((l) => l.source === "letter_3")).toBe(true);
    expect(lines.reduce((s, l) => s + l.amountMinor, 0)).toBe(900_000 + a.statedCharges);
    expect(lines.map((l) => l.invoiceNumber)).not.toContain(a.invC.number);
    expect(lines.map((l) => l.invoiceNumber)).not.toContain(a.invB.number);
    // The pack says the same, line by line.
    const csv = await packClaimCsv(a);
    expect(csv).toContain(`letter 3,Invoice,${a.invA.number},NOK,900000`);
    expect(csv).not.toContain(a.invC.number);
    expect(csv).not.toContain(a.invB.number);
    // The summary is the customer's language, down to the charges handed over (Norwegian here).
    const stored = parseHandoffLines(row.claim);
    expect(stored.filter((l) => l.kind === "charge").every((l) => l.chargeKind)).toBe(true);
    const summary = flatText(await pdfToText(await packSummaryPdf(a)));
    expect(summary).toContain("Hva ble overlevert");
    expect(summary).toContain("Forsinkelsesrente");
    expect(summary).not.toContain("Statutory interest");
    expect(summary).not.toContain("Reminder fee");
  });

  it("refuses more than the claim, and hands over anything else only with a reason, audited", async () => {
    const a = await accountAfterLetter3();
    const base = {
      ...a.account,
      agency: "Lindorff AS",
      reference: "L-2",
      handedOverOn: "2026-03-13",
      now: at("2026-03-13"),
    };
    const claimed = 900_000 + a.statedCharges;
    // One øre over letter 3's claim: refused on the amount, nothing written.
    await expect(recordHandoff(db, { ...base, amount: ((claimed + 1) / 100).toFixed(2) })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { amount: [expect.stringContaining("letter 3 claimed")] },
    });
    // The later invoice without a reason: refused.
    await expect(recordHandoff(db, { ...base, include: [`invoice:${a.invC.id}`] })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { includeReason: [expect.any(String)] },
    });
    // A line of another account (or made up): refused.
    await expect(
      recordHandoff(db, { ...base, include: [`invoice:${a.invA.id}`], includeReason: "Agency asked for everything." }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", fieldErrors: { include: [expect.any(String)] } });
    expect(await db.agencyHandoff.count({ where: { orgId: a.org.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: a.org.id, kind: "handoff.recorded" } })).toBe(0);

    const fee = a.bCharges[0];
    const reason = "Customer confirmed invoice C by email on 2 March; agency takes it in one file.";
    const { handoffId } = await recordHandoff(db, {
      ...base,
      include: [`invoice:${a.invC.id}`, `charge:${fee.id}`],
      includeReason: reason,
    });
    const row = await db.agencyHandoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(row.amountMinor).toBe(BigInt(claimed + 300_000 + Number(fee.amountMinor)));
    expect(row.includedReason).toBe(reason);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: a.org.id, kind: "handoff.recorded" } });
    expect(audit.payload).toMatchObject({
      claimedMinor: claimed,
      includedReason: reason,
      included: [
        { kind: "invoice", invoiceNumber: a.invC.number, amountMinor: 300_000 },
        { kind: "charge", invoiceNumber: a.invB.number, amountMinor: Number(fee.amountMinor) },
      ],
    });
    const csv = await packClaimCsv(a);
    expect(csv).toContain(`included,Invoice,${a.invC.number},NOK,300000,"${reason}"`);
  });
});

async function packSummaryPdf(a: Awaited<ReturnType<typeof accountAfterLetter3>>) {
  const pack = await buildHandoffPack(db, { ...a.account, now: at("2026-03-14") });
  return unzipSync(pack.bytes)["summary.pdf"];
}

async function packClaimCsv(a: Awaited<ReturnType<typeof accountAfterLetter3>>) {
  const pack = await buildHandoffPack(db, { ...a.account, now: at("2026-03-14") });
  return new TextDecoder().decode(unzipSync(pack.bytes)["handoff-claim.csv"]);
}
