import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addFeeAmount } from "@/lib/law/add-fee-amount";
import { parseLetterCharges } from "@/lib/law/charges";
import { fetchPublishedRates } from "@/lib/law/fetch-published-rates";
import { getBlockingRateWarnings } from "@/lib/law/get-law-page";
import { importRateFile } from "@/lib/law/import-rate-file";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const fixture = (name: string) => readFileSync(path.join(__dirname, "fixtures/rates", name), "utf8");

async function orgWithInterest() {
  const org = await createOrg(db);
  const admin = { userId: (await createUser(db, org.id, "ADMIN")).id, role: "ADMIN" as const };
  const collector = { userId: (await createUser(db, org.id, "COLLECTOR")).id, role: "COLLECTOR" as const };
  await db.lawSettings.create({
    data: { orgId: org.id, statutoryInterest: true, statutoryCompensation: true, reminderFee: true },
  });
  return { org, admin, collector };
}

describe("rates that stay current", () => {
  it("warns admins 30 days before a half-year and every day after until its rate is recorded", async () => {
    const { org, admin } = await orgWithInterest();
    const warnings = async (today: string) =>
      (await getBlockingRateWarnings(db, { orgId: org.id, today })).map(
        (w) => `${w.what} ${w.halfYear.from} ${w.state}`,
      );
    // 1 June 2026 is 30 days before 1 July: Norges Bank and the ECB have no 2026 H2 row; the Bank
    // of England's (3.75 %, needs checking) is recorded, and so is no standardkompensasjon for H2.
    expect(await warnings("2026-05-31")).toEqual([]);
    expect(await warnings("2026-06-01")).toEqual([
      "Norges Bank policy rate 2026-07-01 upcoming",
      "ECB main refinancing rate 2026-07-01 upcoming",
      "Norwegian standardkompensasjon 2026-07-01 upcoming",
    ]);
    expect(await warnings("2026-12-07")).toEqual([
      "Norges Bank policy rate 2026-07-01 missing",
      "ECB main refinancing rate 2026-07-01 missing",
      "Norwegian standardkompensasjon 2026-07-01 missing",
      "Norges Bank policy rate 2027-01-01 upcoming",
      "ECB main refinancing rate 2027-01-01 upcoming",
      "Bank of England Bank Rate 2027-01-01 upcoming",
      "Norwegian standardkompensasjon 2027-01-01 upcoming",
    ]);

    // The admin uploads the ECB's file: the same parser as the worker's fetch records 2026 H2.
    const result = await importRateFile(db, {
      orgId: org.id,
      actor: admin,
      input: { series: "ECB_MRO", file: new Blob([fixture("ecb-mro.csv")]) },
      today: "2026-12-07",
    });
    expect(result.added).toEqual([{ from: "2026-07-01", referencePercent: "2.15" }]);
    expect(result.disagreements).toEqual([]);
    expect(result.message).toContain("Every recorded half-year agrees with the file.");
    expect(await warnings("2026-12-07")).not.toContain("ECB main refinancing rate 2026-07-01 missing");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, kind: "law.rates_uploaded" } });
    expect(audit.userId).toBe(admin.userId);

    // No warning on the dashboard when the organization claims no charge.
    await db.lawSettings.update({
      where: { orgId: org.id },
      data: { statutoryInterest: false, statutoryCompensation: false, reminderFee: false },
    });
    expect(await warnings("2026-12-07")).toEqual([]);
  });

  it("refuses a collector's upload and a file of another series; nothing changes", async () => {
    const { org, admin, collector } = await orgWithInterest();
    const upload = (actor: typeof admin | typeof collector, series: "ECB_MRO" | "BOE_BANK", file: string) =>
      importRateFile(db, { orgId: org.id, actor, input: { series, file }, today: "2026-12-07" });
    await expect(upload(collector, "ECB_MRO", fixture("ecb-mro.csv"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(upload(admin, "BOE_BANK", fixture("ecb-mro.csv"))).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("DATE,IUDBEDR"),
    });
    expect(await db.referenceRate.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("the worker's fetch fails gracefully where the banks cannot be reached, and records what it read where they can", async () => {
    const { org } = await orgWithInterest();
    const now = new Date("2026-12-07T06:23:00Z");
    const offline = async () => {
      throw new TypeError("fetch failed", { cause: { code: "ENOTFOUND" } });
    };
    const failed = await fetchPublishedRates(db, { now, fetch: offline, orgId: org.id });
    expect(failed.map((r) => r.ok)).toEqual([false, false, false]);
    expect(failed[0].message).toBe(
      "ECB main refinancing rate could not be fetched from data-api.ecb.europa.eu (fetch failed: ENOTFOUND). An administrator uploads the file under Settings - Law and rates.",
    );
    const rows = await db.rateFetch.findMany({ where: { attemptedAt: now } });
    expect(rows.filter((r) => !r.ok)).toHaveLength(3);

    // The same task with the published files (as they would arrive) records Norway's 2026 H1 already known,
    // nothing new for it (the file ends in June), and the ECB's 2026 H2.
    const files: Record<string, string> = {
      "data-api.ecb.europa.eu": fixture("ecb-mro.csv"),
      "data.norges-bank.no": fixture("norges-bank-policy.csv"),
      "www.bankofengland.co.uk": fixture("boe-bank-rate.csv"),
    };
    const later = new Date("2026-12-08T06:23:00Z");
    const read = await fetchPublishedRates(db, {
      now: later,
      fetch: async (url) => files[new URL(url).host],
      orgId: org.id,
    });
    expect(read.map((r) => r.ok)).toEqual([true, true, true]);
    const recorded = await db.referenceRate.findMany({ where: { orgId: org.id }, orderBy: { series: "asc" } });
    expect(recorded.map((r) => [r.series, r.referencePercent, r.addedById])).toEqual([["ECB_MRO", "2.15", null]]);
  });

  it("an administrator records the 2026 inkassosats of 750 kr: the next purregebyr is 37.50 kr", async () => {
    const { org, admin, collector } = await orgWithInterest();
    await expect(
      addFeeAmount(db, {
        orgId: org.id,
        actor: collector,
        input: { kind: "NO_INKASSOSATS", from: "2026-01-01", amount: "750", source: "Forskrift 2025" },
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await addFeeAmount(db, {
      orgId: org.id,
      actor: admin,
      input: { kind: "NO_INKASSOSATS", from: "2026-01-01", amount: "750", source: "Forskrift om inkassosats 2026" },
    });
    // A standardkompensasjon starts a half-year; one already recorded is never changed.
    await expect(
      addFeeAmount(db, {
        orgId: org.id,
        actor: admin,
        input: { kind: "NO_STANDARDKOMPENSASJON", from: "2026-01-01", amount: "500", source: "x" },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      addFeeAmount(db, {
        orgId: org.id,
        actor: admin,
        input: { kind: "NO_STANDARDKOMPENSASJON", from: "2026-08-01", amount: "500", source: "x" },
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });

    const customer = await createCustomer(db, org.id, {
      name: "Fjell AS",
      currency: "NOK",
      language: "nb",
      countryCode: "NO",
    });
    await createInvoice(db, customer, { amountMinor: 100_000, dueDate: "2026-01-05", number: `F-${Date.now()}` });
    const sent = await sendNextLetter(db, {
      orgId: org.id,
      customerId: customer.id,
      currency: "NOK",
      actor: collector,
      stage: 1,
      now: instantAt("2026-01-20", "10:00", "Europe/Oslo"),
    });
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    const fees = parseLetterCharges(letter.charges).filter((c) => c.kind === "reminder_fee");
    // 750 kr / 20 = 37.50 kr
    expect(fees.map((c) => c.amountMinor)).toEqual([3_750]);
  });
});
