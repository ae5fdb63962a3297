import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_RATES } from "../rate-table";
import { parseBoeBankRateCsv } from "./boe-bank-rate";
import { parseEcbMroCsv } from "./ecb-mro";
import { disagreements, halfYearRates } from "./half-year-rates";
import { parseNorgesBankPolicy } from "./norges-bank-policy";

// Saved copies written in each owner's published format (tests/fixtures/rates):
// ecb-mro.csv the ECB Data Portal's full SDMX CSV of FM.D.U2.EUR.4F.KR.MRR_FR.LEV
// (dates of change, 40 columns, quoted TITLE); norges-bank-policy.csv/.json
// Norges Bank's IR B.KPRA.SD.R as semicolon CSV and SDMX-JSON (business days);
// boe-bank-rate.csv the Bank of England database's IUDBEDR export ("DATE,IUDBEDR",
// "02 Jan 2026"). The values are the published decisions; the reference days'
// values are those LAW.md lists (checked 2026-12-07).
const fixture = (name: string) => readFileSync(path.join(__dirname, "../../../tests/fixtures/rates", name), "utf8");
const rows = (readings: ReturnType<typeof halfYearRates>) => readings.map((r) => [r.row.from, r.row.referencePercent]);

describe("ECB main refinancing rate (SDMX CSV)", () => {
  const file = parseEcbMroCsv(fixture("ecb-mro.csv"));

  it("reads every change with its day, by column name", () => {
    expect(file.observations.slice(0, 2)).toEqual([
      { date: "2023-09-20", percent: "4.50" },
      { date: "2024-06-12", percent: "4.25" },
    ]);
    expect(file.observations).toHaveLength(9);
  });

  it("gives each half-year the rate in force on 1 January / 1 July, only once that day has come", () => {
    const readings = halfYearRates(file, { firstFrom: "2024-01-01", today: "2026-06-30", origin: "upload" });
    expect(rows(readings)).toEqual([
      ["2024-01-01", "4.50"],
      ["2024-07-01", "4.25"],
      ["2025-01-01", "3.15"],
      ["2025-07-01", "2.15"],
      ["2026-01-01", "2.15"],
    ]);
    // 1 July 2026 has come: the file has no change after 11 Jun 2025, so 2.15 % still holds.
    expect(rows(halfYearRates(file, { firstFrom: "2026-07-01", today: "2026-07-01", origin: "upload" }))).toEqual([
      ["2026-07-01", "2.15"],
    ]);
    expect(readings[0].row.source).toContain("FM.D.U2.EUR.4F.KR.MRR_FR.LEV");
  });

  it("agrees with every recorded row", () => {
    expect(disagreements(file, REPO_RATES.ECB_MRO)).toEqual([]);
  });

  it("refuses another series or a file that is not SDMX CSV", () => {
    const deposit = fixture("ecb-mro.csv").replaceAll("KR.MRR_FR.LEV", "KR.DFR.LEV");
    expect(() => parseEcbMroCsv(deposit)).toThrow("not the main refinancing rate");
    expect(() => parseEcbMroCsv("<html>Service unavailable</html>")).toThrow("TIME_PERIOD and OBS_VALUE");
  });
});

describe("Norges Bank policy rate (SDMX CSV and JSON)", () => {
  it("CSV: the rate on 1 January / 1 July; a half-year the file does not reach stays unknown", () => {
    const file = parseNorgesBankPolicy(fixture("norges-bank-policy.csv"));
    const readings = halfYearRates(file, { firstFrom: "2025-01-01", today: "2026-12-07", origin: "upload" });
    // 1 Jan 2025 and 31 Dec 2024 are bank holidays: the value of 30 Dec 2024 holds. The file ends on
    // 12 Jun 2026: no 2026 H2.
    expect(rows(readings)).toEqual([
      ["2025-01-01", "4.50"],
      ["2025-07-01", "4.25"],
      ["2026-01-01", "4.00"],
    ]);
    expect(readings[0].observedOn).toBe("2024-12-30");
    expect(disagreements(file, REPO_RATES.NO_POLICY)).toEqual([]);
  });

  it("SDMX-JSON gives the same reading", () => {
    const file = parseNorgesBankPolicy(fixture("norges-bank-policy.json"));
    expect(rows(halfYearRates(file, { firstFrom: "2025-07-01", today: "2025-07-04", origin: "upload" }))).toEqual([
      ["2025-07-01", "4.25"],
    ]);
  });

  it("refuses another instrument", () => {
    const nowa = fixture("norges-bank-policy.csv").replaceAll(";KPRA;", ";NOWA;");
    expect(() => parseNorgesBankPolicy(nowa)).toThrow("not the key policy rate");
  });
});

describe("Bank of England Bank Rate (database CSV)", () => {
  const file = parseBoeBankRateCsv(fixture("boe-bank-rate.csv"));

  it("reads '02 Jan 2026' as a calendar day", () => {
    expect(file.observations[0]).toEqual({ date: "2024-06-03", percent: "5.25" });
  });

  it("gives each half-year the rate on 31 December / 30 June before it", () => {
    const readings = halfYearRates(file, { firstFrom: "2024-07-01", today: "2026-12-07", origin: "upload" });
    // 30 Jun 2024 was a Sunday: the value of Friday 28 Jun holds.
    expect(rows(readings)).toEqual([
      ["2024-07-01", "5.25"],
      ["2025-01-01", "4.75"],
      ["2025-07-01", "4.25"],
      ["2026-01-01", "3.75"],
    ]);
    expect(readings[0].observedOn).toBe("2024-06-28");
  });

  it("confirms the row marked for checking (2025 H1, 4.75 %)", () => {
    expect(disagreements(file, REPO_RATES.BOE_BANK)).toEqual([]);
    const wrong = REPO_RATES.BOE_BANK.map((r) => (r.from === "2025-01-01" ? { ...r, referencePercent: "5.00" } : r));
    expect(disagreements(file, wrong)).toEqual([
      "2025-01-01 - 2025-06-30: recorded 5.00 %, the file gives 4.75 % (value of 2024-12-31)",
    ]);
  });

  it("refuses a page that is not the export", () => {
    expect(() => parseBoeBankRateCsv("DATE,XUDLUSS\n02 Jan 2026,1.27")).toThrow("DATE,IUDBEDR");
  });
});
