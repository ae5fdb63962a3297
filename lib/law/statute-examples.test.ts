import { describe, expect, it } from "vitest";
import type { Stage } from "@/lib/stages/stage";
import type { LetterCharge } from "./charges";
import { computeCharges } from "./compute-charges";
import type { EarlierCharge, FeeAmounts } from "./fees";
import type { InterestInvoice } from "./interest";
import { DEFAULT_LAW_SETTINGS, type LawSettings } from "./law-settings-types";
import { profileFor } from "./profile";
import type { CustomerType } from "./profile-types";
import { REPO_RATES } from "./rate-table";
import { REPO_FEE_AMOUNTS } from "./rates/no-fee-amounts";

// Hand-worked examples written from the statutes, not from the code: every
// figure below was worked out on paper from the rule cited beside it.
//
// Rules used (LAW.md, corrected 2026-12-07):
// - Interest: simple, per day, on the open balance, actual days / 365, from the
//   day after the due date up to AND INCLUDING the day of payment (days =
//   payment date - due date), rounded once per line (one line per half-year)
//   to the nearest minor unit, halves up.
//   NO forsinkelsesrenteloven § 3: policy rate + 8 for each half-year
//   (2025 H1 4.50 -> 12.50 %, 2025 H2 4.25 -> 12.25 %).
//   IT D.Lgs. 231/2002 art. 5: ECB MRO + 8 per half-year (2025 H2 and 2026 H1 2.15 -> 10.15 %).
//   UK 1998 Act: Bank Rate on 31 Dec / 30 Jun before the debt fell overdue + 8, fixed for the debt
//   (2026 H1: 3.75 -> 11.75 %).
// - NO purregebyr / own inkassovarsel: 1/20 of the inkassosats (inkassoforskriften § 1-2 since
//   1 Oct 2020); inkassosats 700 kr in the regulation's text, so 35 kr = 3,500 øre; a second fee only
//   after the first notice's deadline of at least 14 days passed (§ 1-3).
// - NO standardkompensasjon (§ 3a), businesses only, per claim, less the purregebyr actually charged:
//   470 kr for claims falling overdue in 2025 H1.
// - IT EUR 40 per unpaid invoice (art. 6); UK GBP 40 / 70 / 100 by the debt's size (s. 5A).

const ALL_ON: LawSettings = {
  ...DEFAULT_LAW_SETTINGS,
  statutoryInterest: true,
  statutoryCompensation: true,
  reminderFee: true,
};

function price(opts: {
  country: string;
  type?: CustomerType;
  stage?: Stage;
  letterDate: string;
  invoices: InterestInvoice[];
  earlier?: EarlierCharge[];
  amounts?: FeeAmounts;
}): LetterCharge[] {
  const profile = profileFor(opts.country);
  return computeCharges({
    profile,
    customerType: opts.type ?? "business",
    settings: ALL_ON,
    stage: opts.stage ?? 1,
    letterDate: opts.letterDate,
    currency: profile.currency,
    invoices: opts.invoices,
    earlier: opts.earlier ?? [],
    rates: REPO_RATES,
    amounts: opts.amounts ?? REPO_FEE_AMOUNTS,
  });
}
const lines = (charges: LetterCharge[]) =>
  charges.map((c) => [c.kind, c.ratePercent, c.fromDate, c.toDate, c.amountMinor]);
const total = (charges: LetterCharge[]) => charges.reduce((s, c) => s + c.amountMinor, 0);

describe("Norway, a business: letter 1", () => {
  it("forsinkelsesrente, purregebyr 1/20, standardkompensasjon less the purregebyr", () => {
    // NOK 12,000.00 due 5 Jun 2025, letter 1 on 20 Jun 2025 (15 days after the due date, >= 14).
    const charges = price({
      country: "NO",
      letterDate: "2025-06-20",
      invoices: [{ number: "NB-1", dueDate: "2025-06-05", amountMinor: 1_200_000, payments: [] }],
    });
    expect(lines(charges)).toEqual([
      // 6-20 Jun = 15 days: 1,200,000 x 15 x 12.50 % / 365 = 2,250,000 / 365 = 6,164.38 -> 6,164
      ["interest", "12.50", "2025-06-06", "2025-06-20", 6_164],
      // 700 kr x 1/20 = 35.00 kr
      ["reminder_fee", null, null, "2025-06-20", 3_500],
      // overdue from 6 Jun 2025: 470.00 kr less the 35.00 kr charged = 435.00 kr
      ["compensation", null, null, "2025-06-20", 43_500],
    ]);
    // 61.64 + 35.00 + 435.00 = 531.64 kr
    expect(total(charges)).toBe(53_164);
  });
});

describe("Norway, a consumer: two letters, a part payment, a half-year boundary", () => {
  // NOK 2,000.00 due 1 Jun 2025; NOK 500.00 paid on 30 Jun 2025.
  const invoice = {
    number: "NC-1",
    dueDate: "2025-06-01",
    amountMinor: 200_000,
    payments: [{ receivedOn: "2025-06-30", amountMinor: 50_000 }],
  };
  // Letter 1 of 16 Jun 2025 gave 14 days + 2 postal days: deadline 2 Jul 2025.
  const letter1 = price({ country: "NO", type: "consumer", letterDate: "2025-06-16", invoices: [invoice] });
  const recorded = letter1.map((c) => ({ ...c, letterDeadline: "2025-07-02" }));

  it("letter 1: interest and a purregebyr, no standardkompensasjon for a consumer", () => {
    expect(lines(letter1)).toEqual([
      // 2-16 Jun = 15 days: 200,000 x 15 x 12.50 % / 365 = 375,000 / 365 = 1,027.40 -> 1,027
      ["interest", "12.50", "2025-06-02", "2025-06-16", 1_027],
      // 700 kr / 20 = 35.00 kr
      ["reminder_fee", null, null, "2025-06-16", 3_500],
    ]);
  });

  it("letter 2 on letter 1's deadline day: interest since letter 1, no second fee yet (§ 1-3)", () => {
    const charges = price({
      country: "NO",
      type: "consumer",
      stage: 2,
      letterDate: "2025-07-02",
      invoices: [invoice],
      earlier: recorded,
    });
    expect(charges.filter((c) => c.kind === "reminder_fee")).toEqual([]);
  });

  it("letter 2 the day after: only the days after the last recorded interest, the payment day counted, a second fee", () => {
    const charges = price({
      country: "NO",
      type: "consumer",
      stage: 2,
      letterDate: "2025-07-03",
      invoices: [invoice],
      earlier: recorded,
    });
    expect(lines(charges)).toEqual([
      // 17-30 Jun = 14 days at the full balance (30 Jun, the payment day, counts):
      // 200,000 x 14 x 12.50 % / 365 = 350,000 / 365 = 958.90 -> 959
      ["interest", "12.50", "2025-06-17", "2025-06-30", 959],
      // 1-3 Jul = 3 days on 1,500.00 kr at the new half-year's 12.25 %:
      // 150,000 x 3 x 12.25 % / 365 = 55,125 / 365 = 151.03 -> 151
      ["interest", "12.25", "2025-07-01", "2025-07-03", 151],
      // second purring: letter 1 gave 16 days (>= 14) and they have passed: 35.00 kr
      ["reminder_fee", null, null, "2025-07-03", 3_500],
    ]);
  });

  it("no second fee when the first notice gave fewer than 14 days", () => {
    const short = letter1.map((c) => ({ ...c, letterDeadline: "2025-06-26" }));
    const charges = price({
      country: "NO",
      type: "consumer",
      stage: 2,
      letterDate: "2025-07-03",
      invoices: [invoice],
      earlier: short,
    });
    expect(charges.filter((c) => c.kind === "reminder_fee")).toEqual([]);
  });
});

describe("Norway: the creditor's own inkassovarsel", () => {
  it("1/20 of the inkassosats in force on the day it is sent (37.50 kr at 750 kr)", () => {
    // An administrator recorded 750 kr from 1 Jan 2026 (the secondary sources' figure).
    const amounts: FeeAmounts = {
      ...REPO_FEE_AMOUNTS,
      NO_INKASSOSATS: [
        ...REPO_FEE_AMOUNTS.NO_INKASSOSATS,
        {
          kind: "NO_INKASSOSATS",
          from: "2026-01-01",
          to: null,
          amountMinor: 75_000,
          source: "test",
          needsCheck: false,
        },
      ],
    };
    const charges = price({
      country: "NO",
      type: "consumer",
      stage: 3,
      letterDate: "2026-02-20",
      invoices: [{ number: "NV-1", dueDate: "2026-01-05", amountMinor: 100_000, payments: [] }],
      amounts,
    }).filter((c) => c.kind === "reminder_fee");
    // 750 kr / 20 = 37.50 kr
    expect(charges.map((c) => c.amountMinor)).toEqual([3_750]);
    expect(charges[0].basis).toContain("inkassovarsel");
  });

  it("a missing row refuses, naming it", () => {
    const invoices = [{ number: "NV-2", dueDate: "2026-01-05", amountMinor: 100_000, payments: [] }];
    expect(() =>
      price({
        country: "NO",
        type: "consumer",
        letterDate: "2026-02-20",
        invoices,
        amounts: { ...REPO_FEE_AMOUNTS, NO_INKASSOSATS: [] },
      }),
    ).toThrow("No inkassosats (inkassoforskriften § 1-1) is recorded for 2026-02-20");
    // A claim falling overdue in 2025 H2: no standardkompensasjon row is recorded for it.
    expect(() =>
      price({
        country: "NO",
        letterDate: "2025-09-20",
        invoices: [{ number: "NV-3", dueDate: "2025-08-01", amountMinor: 100_000, payments: [] }],
      }),
    ).toThrow("No standardkompensasjon (forsinkelsesrenteloven § 3a) is recorded for 2025-08-02");
  });
});

describe("Italy, a business", () => {
  it("interest across 1 January with a part payment, EUR 40 per invoice", () => {
    // EUR 8,000.00 due 15 Dec 2025; EUR 3,000.00 paid on 10 Jan 2026; letter on 31 Jan 2026.
    const charges = price({
      country: "IT",
      letterDate: "2026-01-31",
      invoices: [
        {
          number: "IT-1",
          dueDate: "2025-12-15",
          amountMinor: 800_000,
          payments: [{ receivedOn: "2026-01-10", amountMinor: 300_000 }],
        },
      ],
    });
    expect(lines(charges)).toEqual([
      // 16-31 Dec = 16 days: 800,000 x 16 x 10.15 % / 365 = 1,299,200 / 365 = 3,559.45 -> 3,559
      ["interest", "10.15", "2025-12-16", "2025-12-31", 3_559],
      // 1-10 Jan (the payment day counts): 800,000 x 10 = 8,000,000; 11-31 Jan: 500,000 x 21 = 10,500,000;
      // 18,500,000 x 10.15 % / 365 = 1,877,750 / 365 = 5,144.52 -> 5,145
      ["interest", "10.15", "2026-01-01", "2026-01-31", 5_145],
      // art. 6: EUR 40.00
      ["compensation", null, null, "2026-01-31", 4_000],
    ]);
  });

  it("no charge at all for a consumer (D.Lgs. 231/2002 covers commercial transactions)", () => {
    const charges = price({
      country: "IT",
      type: "consumer",
      letterDate: "2026-01-31",
      invoices: [{ number: "IT-2", dueDate: "2025-12-15", amountMinor: 800_000, payments: [] }],
    });
    expect(charges).toEqual([]);
  });
});

describe("United Kingdom, a business", () => {
  it("the rate fixed when the debt fell overdue, GBP 100 on a debt of 10,000 or more", () => {
    // GBP 12,000.00 due 31 Mar 2026; letter on 15 May 2026.
    const charges = price({
      country: "GB",
      letterDate: "2026-05-15",
      invoices: [{ number: "GB-1", dueDate: "2026-03-31", amountMinor: 1_200_000, payments: [] }],
    });
    expect(lines(charges)).toEqual([
      // 1 Apr - 15 May = 30 + 15 = 45 days; Bank Rate on 31 Dec 2025 3.75 % + 8 = 11.75 %:
      // 1,200,000 x 45 x 11.75 % / 365 = 6,345,000 / 365 = 17,383.56 -> 17,384
      // (daily: 1,200,000 x 11.75 % / 365 = 386.30 pence)
      ["interest", "11.75", "2026-04-01", "2026-05-15", 17_384],
      ["compensation", null, null, "2026-05-15", 10_000],
    ]);
  });
});
