import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { fitsReferenceFormat, listAgencies, removeAgency, saveAgency } from "@/lib/collections/agencies";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { addDaysTo, clockNow, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Issue 27 §3c: saved agencies, chosen on the hand-off; the pack names the agency.

const db = useTestDb();
const NORDIC = {
  name: "Nordic Recovery AS",
  address: "Postboks 1, 0101 Oslo",
  email: "cases@nordic.example",
  paymentDetails: "IBAN NO93 8601 1117 947, ref. your case number",
  referenceFormat: "NR-####",
};

describe("saved collection agencies", () => {
  it("reference formats: # a digit, @ a letter, the rest as written", () => {
    expect(fitsReferenceFormat("NR-1234", "NR-####")).toBe(true);
    expect(fitsReferenceFormat("nr-1234", "NR-####")).toBe(true);
    expect(fitsReferenceFormat("NR-123", "NR-####")).toBe(false);
    expect(fitsReferenceFormat("NR-12a4", "NR-####")).toBe(false);
    expect(fitsReferenceFormat("AB/7.x", "@@/#.@")).toBe(true);
    expect(fitsReferenceFormat("anything", "")).toBe(true);
  });

  it("an admin keeps them (audited); the hand-off takes the chosen one's details and format; the pack names it", async () => {
    const org = await createOrg(db);
    const admin = { userId: (await createUser(db, org.id, "ADMIN")).id, role: "ADMIN" as const };
    const collector = { userId: (await createUser(db, org.id, "COLLECTOR")).id, role: "COLLECTOR" as const };
    await expect(
      saveAgency(db, { orgId: org.id, actor: collector, agencyId: null, fields: NORDIC }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const { agencyId } = await saveAgency(db, { orgId: org.id, actor: admin, agencyId: null, fields: NORDIC });
    await expect(
      saveAgency(db, { orgId: org.id, actor: admin, agencyId: null, fields: { ...NORDIC, email: "" } }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: [expect.stringContaining("saved already")] },
    });
    const changed = { ...NORDIC, address: "Postboks 9, 0109 Oslo" };
    await saveAgency(db, { orgId: org.id, actor: admin, agencyId, fields: changed });
    const audits = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: "agency.saved" },
      orderBy: { seq: "asc" },
    });
    expect(audits.map((a) => a.payload)).toEqual([
      { agencyId, before: null, after: NORDIC },
      { agencyId, before: NORDIC, after: changed },
    ]);
    expect(await listAgencies(db, { orgId: org.id })).toEqual([{ id: agencyId, ...changed }]);
    // Another organization cannot use it.
    const other = await createOrg(db);
    const otherAdmin = { userId: (await createUser(db, other.id, "ADMIN")).id, role: "ADMIN" as const };
    await expect(removeAgency(db, { orgId: other.id, actor: otherAdmin, agencyId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // An account after letter 3's deadline (as of the real today, as the action fixture does).
    const today = todayIn(org.timeZone, clockNow());
    const daysAgo = (n: number) => instantAt(addDaysTo(today, -n), "10:00", org.timeZone);
    const customer = await createCustomer(db, org.id, { name: "Fjell Bygg AS" });
    await createInvoice(db, customer, { amountMinor: 90_000, dueDate: addDaysTo(today, -90) });
    const account = { orgId: org.id, actor: collector, customerId: customer.id, currency: customer.currency };
    for (const [stage, ago] of [
      [1, 80],
      [2, 60],
      [3, 40],
    ] as const)
      await sendNextLetter(db, { ...account, stage, now: daysAgo(ago) });
    const handoff = { ...account, agencyId, agency: "", handedOverOn: today, now: clockNow() };
    await expect(recordHandoff(db, { ...handoff, reference: "NR-12" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { reference: [expect.stringContaining("NR-####")] },
    });
    const { handoffId } = await recordHandoff(db, { ...handoff, reference: "NR-5531" });
    const row = await db.agencyHandoff.findUniqueOrThrow({ where: { id: handoffId } });
    expect(row).toMatchObject({
      agencyId,
      agency: "Nordic Recovery AS",
      agencyContact: "Postboks 9, 0109 Oslo, cases@nordic.example",
      agencyPaymentDetails: NORDIC.paymentDetails,
      amountMinor: 90_000n,
    });
    // An agency with a hand-off on record stays.
    await expect(removeAgency(db, { orgId: org.id, actor: admin, agencyId })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    const pack = await buildHandoffPack(db, {
      orgId: org.id,
      customerId: customer.id,
      actor: collector,
      now: clockNow(),
    });
    const files = unzipSync(pack.bytes);
    const summary = flatText(await pdfToText(files["summary.pdf"]));
    expect(summary).toContain("Nordic Recovery AS, Postboks 9, 0109 Oslo, cases@nordic.example");
    expect(new TextDecoder().decode(files["handoff-claim.csv"])).toContain("Nordic Recovery AS,NR-5531,letter 3");

    // One no hand-off names can be removed, audited.
    const spare = await saveAgency(db, {
      orgId: org.id,
      actor: admin,
      agencyId: null,
      fields: { ...NORDIC, name: "Spare Inkasso" },
    });
    await removeAgency(db, { orgId: org.id, actor: admin, agencyId: spare.agencyId });
    expect((await listAgencies(db, { orgId: org.id })).map((a) => a.name)).toEqual(["Nordic Recovery AS"]);
    expect(await db.auditEvent.count({ where: { orgId: org.id, kind: "agency.removed" } })).toBe(1);
  });
});
