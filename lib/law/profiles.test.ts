import { describe, expect, it } from "vitest";
import type { Stage } from "@/lib/stages/stage";
import type { LetterCharge } from "./charges";
import { checkCharges, checkLetter, customerTypeOrThrow, type LetterPlan } from "./check-letter";
import { computeCharges } from "./compute-charges";
import type { EarlierCharge } from "./fees";
import type { InterestInvoice } from "./interest";
import { DEFAULT_LAW_SETTINGS, type LawSettings } from "./law-settings-types";
import { profileFor } from "./profile";
import type { CustomerType } from "./profile-types";
import { checkRateRows, REPO_RATES } from "./rate-table";
import { REPO_FEE_AMOUNTS } from "./rates/no-fee-amounts";

// Worked examples per profile. Every expected figure is written out by hand,
// with the arithmetic in the comment beside it: interest = sum(balance x days)
// x rate / 365, rounded once per line to the nearest minor unit, halves up.
// The day of payment counts: a payment received on day P lowers the balance
// from P + 1 (days = payment date - due date, forsinkelsesrenteloven § 2, the
// Italian calculators, the UK Act's "until payment").

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
  currency: string;
  invoices: InterestInvoice[];
  earlier?: EarlierCharge[];
  settings?: LawSettings;
}): LetterCharge[] {
  return computeCharges({
    profile: profileFor(opts.country),
    customerType: opts.type ?? "business",
    settings: opts.settings ?? ALL_ON,
    stage: opts.stage ?? 1,
    letterDate: opts.letterDate,
    currency: opts.currency,
    invoices: opts.invoices,
    earlier: opts.earlier ?? [],
    rates: REPO_RATES,
    amounts: REPO_FEE_AMOUNTS,
  });
}
const pick = (charges: LetterCharge[], kind: LetterCharge["kind"]) =>
  charges
    .filter((c) => c.kind === kind)
    .map((c) => [c.invoiceNumber, c.ratePercent, c.fromDate, c.toDate, c.amountMinor]);

describe("interest worked examples", () => {
  it.each([
    {
      name: "NO: forsinkelsesrente over the 1 July 2025 rate change and a partial payment",
      country: "NO",
      currency: "NOK",
      letterDate: "2025-07-31",
      // NOK 10,000.00 due 20 Jun 2025; NOK 4,000.00 paid 11 Jul 2025.
      invoice: {
        number: "N-1",
        dueDate: "2025-06-20",
        amountMinor: 1_000_000,
        payments: [{ receivedOn: "2025-07-11", amountMinor: 400_000 }],
      },
      expected: [
        // 21-30 Jun: 1,000,000 x 10 days x 12.50 % / 365 = 1,250,000 / 365 = 3,424.66 -> 3,425
        ["N-1", "12.50", "2025-06-21", "2025-06-30", 3_425],
        // 1-11 Jul (11 Jul, the payment day, counts): 1,000,000 x 11 = 11,000,000;
        // 12-31 Jul: 600,000 x 20 = 12,000,000;
        // 23,000,000 x 12.25 % / 365 = 2,817,500 / 365 = 7,719.18 -> 7,719
        ["N-1", "12.25", "2025-07-01", "2025-07-31", 7_719],
      ],
    },
    {
      name: "IT: D.Lgs. 231/2002 interest over the 1 July 2025 change (3.15 -> 2.15) and a partial payment",
      country: "IT",
      currency: "EUR",
      letterDate: "2025-07-31",
      // EUR 5,000.00 due 15 Jun 2025; EUR 2,000.00 paid 10 Jul 2025.
      invoice: {
        number: "I-1",
        dueDate: "2025-06-15",
        amountMinor: 500_000,
        payments: [{ receivedOn: "2025-07-10", amountMinor: 200_000 }],
      },
      expected: [
        // 16-30 Jun: 500,000 x 15 = 7,500,000 x 11.15 % / 365 = 836,250 / 365 = 2,291.10 -> 2,291
        ["I-1", "11.15", "2025-06-16", "2025-06-30", 2_291],
        // 1-10 Jul (10 Jul, the payment day, counts): 500,000 x 10 = 5,000,000;
        // 11-31 Jul: 300,000 x 21 = 6,300,000;
        // 11,300,000 x 10.15 % / 365 = 1,146,950 / 365 = 3,142.33 -> 3,142
        ["I-1", "10.15", "2025-07-01", "2025-07-31", 3_142],
      ],
    },
    {
      name: "GB: the rate of the half-year the debt fell overdue stays for the whole debt, across 1 January",
      country: "GB",
      currency: "GBP",
      letterDate: "2026-01-31",
      // GBP 2,500.00 due 20 Dec 2025 (interest from 21 Dec: Bank Rate on 30 Jun 2025 4.25 % + 8 = 12.25 %); GBP 1,000.00 paid 10 Jan 2026.
      invoice: {
        number: "G-1",
        dueDate: "2025-12-20",
        amountMinor: 250_000,
        payments: [{ receivedOn: "2026-01-10", amountMinor: 100_000 }],
      },
      expected: [
        // 21 Dec - 10 Jan (11 + 10 days, the payment day counts): 250,000 x 21 = 5,250,000;
        // 11-31 Jan: 150,000 x 21 = 3,150,000;
        // 8,400,000 x 12.25 % / 365 = 1,029,000 / 365 = 2,819.18 -> 2,819 (the 2026 rate of 3.75 % is NOT used)
        ["G-1", "12.25", "2025-12-21", "2026-01-31", 2_819],
      ],
    },
  ])("$name", ({ country, currency, letterDate, invoice, expected }) => {
    const charges = price({
      country,
      currency,
      letterDate,
      invoices: [invoice],
      settings: { ...DEFAULT_LAW_SETTINGS, statutoryInterest: true },
    });
    expect(pick(charges, "interest")).toEqual(expected);
    expect(charges[0].basis).toContain("rounded once per line to the nearest minor unit (halves up)");
  });

  it("US: contractual interest from the settings, no statutory interest", () => {
    const charges = price({
      country: "US",
      currency: "USD",
      letterDate: "2026-03-31",
      settings: { ...ALL_ON, contractualInterestPercent: "18" },
      // USD 1,000.00 due 1 Mar 2026: 2-31 Mar = 30 days; 100,000 x 30 x 18 % / 365 = 540,000 / 365 = 1,479.45 -> 1,479
      invoices: [{ number: "U-1", dueDate: "2026-03-01", amountMinor: 100_000, payments: [] }],
    });
    expect(pick(charges, "contractual_interest")).toEqual([["U-1", "18.00", "2026-03-02", "2026-03-31", 1_479]]);
    expect(pick(charges, "interest")).toEqual([]);
  });

  it("a later letter prices interest only from the day after the last interest recorded", () => {
    const charges = price({
      country: "IT",
      currency: "EUR",
      letterDate: "2026-01-20",
      settings: { ...DEFAULT_LAW_SETTINGS, statutoryInterest: true },
      invoices: [{ number: "I-2", dueDate: "2025-12-01", amountMinor: 100_000, payments: [] }],
      earlier: [{ kind: "interest", invoiceNumber: "I-2", amountMinor: 100, toDate: "2026-01-10" }],
    });
    // 11-20 Jan 2026: 100,000 x 10 x 10.15 % / 365 = 101,500 / 365 = 278.08 -> 278
    expect(pick(charges, "interest")).toEqual([["I-2", "10.15", "2026-01-11", "2026-01-20", 278]]);
  });
});

describe("fee worked examples", () => {
  const noInvoice = { number: "N-2", dueDate: "2026-01-05", amountMinor: 500_000, payments: [] };
  const fees = { ...DEFAULT_LAW_SETTINGS, reminderFee: true, statutoryCompensation: true };

  it.each([
    // inkassoforskriften § 1-2: no purregebyr before 14 days after the due date (5 Jan + 14 = 19 Jan).
    {
      name: "NO purregebyr: not on day 13",
      letterDate: "2026-01-18",
      earlier: [],
      stage: 1,
      reminder: [],
      comp: 46_000,
    },
    // § 1-2: 1/20 of the inkassosats 700 kr = 35 kr = 3,500 øre; the claim fell overdue on
    // 6 Jan 2026, standardkompensasjon for 2026 H1 460 kr, less the 35 kr charged = 425 kr.
    {
      name: "NO purregebyr on day 14, standardkompensasjon net of it",
      letterDate: "2026-01-19",
      earlier: [],
      stage: 1,
      reminder: [3_500],
      comp: 42_500,
    },
    {
      name: "NO: no third purregebyr (at most two per claim)",
      letterDate: "2026-02-20",
      earlier: [
        { kind: "reminder_fee", invoiceNumber: "N-2", amountMinor: 7_500, toDate: "2026-01-19" },
        { kind: "reminder_fee", invoiceNumber: "N-2", amountMinor: 7_500, toDate: "2026-02-05" },
      ],
      stage: 3,
      reminder: [],
      // 460 kr less the two fees actually charged (75 kr each, under the old 1/10 reading) = 310 kr
      comp: 31_000,
    },
  ] as const)("$name", ({ letterDate, earlier, stage, reminder, comp }) => {
    const charges = price({
      country: "NO",
      currency: "NOK",
      letterDate,
      stage,
      invoices: [noInvoice],
      earlier: [...earlier],
      settings: fees,
    });
    expect(charges.filter((c) => c.kind === "reminder_fee").map((c) => c.amountMinor)).toEqual(reminder);
    expect(charges.filter((c) => c.kind === "compensation").map((c) => c.amountMinor)).toEqual([comp]);
  });

  it("NO: one purregebyr per letter however many invoices it covers; standardkompensasjon per claim", () => {
    const second = { ...noInvoice, number: "N-5" };
    const charges = price({
      country: "NO",
      currency: "NOK",
      letterDate: "2026-01-19",
      invoices: [noInvoice, second],
      settings: fees,
    });
    expect(charges.map((c) => [c.kind, c.invoiceNumber, c.amountMinor])).toEqual([
      ["reminder_fee", "N-2", 3_500],
      // 460 kr less the 35 kr charged on this claim
      ["compensation", "N-2", 42_500],
      // 460 kr: no purregebyr was charged on N-5
      ["compensation", "N-5", 46_000],
    ]);
    expect(() =>
      checkCharges(
        profileFor("NO"),
        "business",
        [charges[0], { ...charges[0], invoiceNumber: "N-5" }],
        [],
        new Map(),
        "2026-01-19",
      ),
    ).toThrow("one purregebyr per letter");
  });

  it("NO: no standardkompensasjon for a consumer, but a purregebyr", () => {
    const charges = price({
      country: "NO",
      type: "consumer",
      currency: "NOK",
      letterDate: "2026-01-19",
      invoices: [noInvoice],
      settings: fees,
    });
    expect(charges.map((c) => [c.kind, c.amountMinor])).toEqual([["reminder_fee", 3_500]]);
  });

  it("NO: no purregebyr once a standardkompensasjon was charged on the claim", () => {
    const charges = price({
      country: "NO",
      currency: "NOK",
      letterDate: "2026-02-19",
      invoices: [noInvoice],
      settings: fees,
      earlier: [{ kind: "compensation", invoiceNumber: "N-2", amountMinor: 46_000, toDate: "2026-01-19" }],
    });
    expect(charges).toEqual([]);
  });

  it("IT: EUR 40 per unpaid invoice, once; none for a consumer", () => {
    const invoices = [
      { number: "I-3", dueDate: "2026-01-05", amountMinor: 10_000, payments: [] },
      { number: "I-4", dueDate: "2026-01-10", amountMinor: 90_000_00, payments: [] },
    ];
    const first = price({ country: "IT", currency: "EUR", letterDate: "2026-02-01", invoices, settings: fees });
    expect(pick(first, "compensation")).toEqual([
      ["I-3", null, null, "2026-02-01", 4_000],
      ["I-4", null, null, "2026-02-01", 4_000],
    ]);
    const again = price({
      country: "IT",
      currency: "EUR",
      letterDate: "2026-03-01",
      invoices,
      settings: fees,
      earlier: first.map((c) => ({ ...c })),
    });
    expect(again).toEqual([]);
    expect(
      price({ country: "IT", type: "consumer", currency: "EUR", letterDate: "2026-02-01", invoices, settings: fees }),
    ).toEqual([]);
  });

  it.each([
    // 1998 Act s. 5A: GBP 40 under 1,000; 70 under 10,000; 100 from 10,000.
    [99_999, 4_000],
    [100_000, 7_000],
    [999_999, 7_000],
    [1_000_000, 10_000],
  ])("GB: a debt of %i pence carries %i pence of compensation", (amountMinor, expected) => {
    const charges = price({
      country: "GB",
      currency: "GBP",
      letterDate: "2026-02-01",
      invoices: [{ number: "G-2", dueDate: "2026-01-05", amountMinor, payments: [] }],
      settings: fees,
    });
    expect(pick(charges, "compensation")).toEqual([["G-2", null, null, "2026-02-01", expected]]);
  });

  it("US: a flat fee per invoice in its currency, once; nothing statutory", () => {
    const settings = { ...ALL_ON, flatFeeMinor: 2_500, flatFeeCurrency: "USD" };
    const invoices = [{ number: "U-2", dueDate: "2026-01-05", amountMinor: 10_000, payments: [] }];
    const charges = price({ country: "US", currency: "USD", letterDate: "2026-02-01", invoices, settings });
    expect(charges.map((c) => [c.kind, c.amountMinor])).toEqual([["flat_fee", 2_500]]);
    expect(
      price({ country: "US", currency: "USD", letterDate: "2026-03-01", invoices, settings, earlier: charges }),
    ).toEqual([]);
  });

  it("every charge is off by default (organizations switch them on)", () => {
    expect(
      price({
        country: "NO",
        currency: "NOK",
        letterDate: "2026-03-01",
        invoices: [noInvoice],
        settings: DEFAULT_LAW_SETTINGS,
      }),
    ).toEqual([]);
  });
});

describe("sending rules per profile", () => {
  const plan = (p: Partial<LetterPlan>): LetterPlan => ({
    stage: 1,
    letterDate: "2026-02-01",
    deadlineDays: 14,
    byEmail: false,
    oldestDueDate: "2026-01-05",
    customerType: "business",
    agreedToElectronicNotices: false,
    contactLogged: true,
    paymentAccount: { currency: "GBP" },
    currency: "GBP",
    ...p,
  });
  const run =
    (country: string, p: Partial<LetterPlan>, settings: LawSettings = DEFAULT_LAW_SETTINGS) =>
    () =>
      checkLetter(profileFor(country), settings, plan(p));

  it.each([
    // Minimum deadlines
    ["NO", { stage: 3, deadlineDays: 13 }, "inkassoloven § 9 second paragraph"],
    ["IT", { stage: 3, deadlineDays: 6 }, "minimum deadline"],
    ["GB", { stage: 3, deadlineDays: 13 }, "Practice Direction"],
    ["GB", { stage: 3, deadlineDays: 29, customerType: "sole_trader" }, "Pre-Action Protocol for Debt Claims"],
    ["GB", { stage: 3, deadlineDays: 29, customerType: "consumer" }, "30 days"],
    ["US", { stage: 2, deadlineDays: 6 }, "minimum deadline"],
    // Earliest day
    ["NO", { stage: 3, letterDate: "2026-01-05" }, "earliest day"],
    // Formal notice channel
    ["NO", { stage: 3, byEmail: true }, "inkassovarsel by email"],
    ["IT", { stage: 3, byEmail: true, agreedToElectronicNotices: true }, "messa_in_mora by email"],
    [
      "GB",
      { stage: 3, deadlineDays: 30, byEmail: true, customerType: "consumer" },
      "Pre-Action Protocol for Debt Claims para 3.1(b)",
    ],
  ] as [string, Partial<LetterPlan>, string][])("%s refuses %j (%s)", (country, p, rule) => {
    expect(run(country, p)).toThrow(rule);
  });

  it.each([
    ["NO", { stage: 3, deadlineDays: 14 }],
    ["NO", { stage: 3, byEmail: true, agreedToElectronicNotices: true }],
    ["IT", { stage: 3, deadlineDays: 7 }],
    ["GB", { stage: 3, deadlineDays: 14 }],
    ["GB", { stage: 3, deadlineDays: 30, customerType: "sole_trader" }],
    ["GB", { stage: 3, byEmail: true }],
    ["US", { stage: 3, deadlineDays: 7, byEmail: true }],
  ] as [string, Partial<LetterPlan>][])("%s allows %j", (country, p) => {
    expect(run(country, p)).not.toThrow();
  });

  it("IT: a diffida ad adempiere needs 15 days (art. 1454 c.c.) when the organization chooses it", () => {
    const diffida = { ...DEFAULT_LAW_SETTINGS, italyDiffida: true };
    expect(run("IT", { stage: 3, deadlineDays: 14 }, diffida)).toThrow("art. 1454 c.c.");
    expect(run("IT", { stage: 3, deadlineDays: 15 }, diffida)).not.toThrow();
  });

  it("NO: when only agencies may send the inkassovarsel, letter 3 is refused", () => {
    const no = profileFor("NO");
    const reserved = { ...no, creditorMaySendFormalNotice: { value: false, source: "Prop. 3 L (2025-2026)" } };
    expect(() => checkLetter(reserved, DEFAULT_LAW_SETTINGS, plan({ stage: 3 }))).toThrow("only a collection agency");
    expect(() => checkLetter(reserved, DEFAULT_LAW_SETTINGS, plan({ stage: 2 }))).not.toThrow();
  });

  it("GB: letters 1-3 need the account to pay into in their currency; letter 4 (the agency's) does not", () => {
    for (const stage of [1, 2, 3] as const)
      expect(run("GB", { stage, deadlineDays: 30, paymentAccount: null, currency: "GBP" })).toThrow(
        `payment details: letter ${stage} must say where to pay, and no bank account in GBP is recorded`,
      );
    expect(run("GB", { stage: 4, deadlineDays: 30, paymentAccount: null })).not.toThrow();
    expect(run("GB", { stage: 2, deadlineDays: 30 })).not.toThrow();
    // The other profiles print "contact us for our payment details" rather than refuse.
    for (const country of ["NO", "IT", "US"]) expect(run(country, { stage: 2, paymentAccount: null })).not.toThrow();
  });

  it("letter 1 needs a logged reminder or call when the organization requires it", () => {
    const settings = { ...DEFAULT_LAW_SETTINGS, contactBeforeLetter1: true };
    expect(run("US", { contactLogged: false }, settings)).toThrow("contact before letter 1");
    expect(run("US", { contactLogged: false })).not.toThrow();
  });

  it("a customer without a country or a type cannot be written to", () => {
    expect(() => customerTypeOrThrow({ countryCode: null, type: "business" })).toThrow("no country code");
    expect(() => customerTypeOrThrow({ countryCode: "NO", type: null })).toThrow("no type");
    expect(customerTypeOrThrow({ countryCode: "NO", type: "consumer" })).toBe("consumer");
  });
});

describe("forbidden charges", () => {
  const fee = (kind: LetterCharge["kind"], invoiceNumber = "N-9"): LetterCharge => ({
    kind,
    invoiceNumber,
    amountMinor: 7_500,
    currency: "NOK",
    ratePercent: null,
    fromDate: null,
    toDate: "2026-02-01",
    basis: "",
  });
  const due = new Map([["N-9", "2026-01-05"]]);

  it("refuses a third purregebyr on a claim", () => {
    const two: EarlierCharge[] = [
      { kind: "reminder_fee", invoiceNumber: "N-9", amountMinor: 7_500, toDate: "2026-01-19" },
      { kind: "reminder_fee", invoiceNumber: "N-9", amountMinor: 7_500, toDate: "2026-01-25" },
    ];
    expect(() => checkCharges(profileFor("NO"), "business", [fee("reminder_fee")], two, due, "2026-02-01")).toThrow(
      "at most 2 per claim",
    );
  });
  it("refuses a purregebyr before 14 days after the due date", () => {
    expect(() => checkCharges(profileFor("NO"), "business", [fee("reminder_fee")], [], due, "2026-01-18")).toThrow(
      "14 days after the due date",
    );
  });
  it.each([
    ["NO", "business", "flat_fee", "not a charge this profile allows"],
    ["IT", "business", "reminder_fee", "no reminder fee"],
    ["NO", "consumer", "compensation", "not available for a consumer"],
    ["GB", "consumer", "interest", "not available for a consumer"],
  ] as [string, CustomerType, LetterCharge["kind"], string][])(
    "%s %s: refuses a %s",
    (country, type, kind, message) => {
      expect(() => checkCharges(profileFor(country), type, [fee(kind)], [], due, "2026-02-01")).toThrow(message);
    },
  );
});

describe("rate tables", () => {
  const row = (from: string, to: string, referencePercent = "4.00") => ({
    series: "NO_POLICY" as const,
    from,
    to,
    referencePercent,
    source: "test",
    needsCheck: false,
  });
  it("the repository's tables are whole, contiguous half-years with a source on every row", () => {
    for (const [series, rows] of Object.entries(REPO_RATES)) {
      expect(() => checkRateRows(series as keyof typeof REPO_RATES, rows)).not.toThrow();
      for (const r of rows) expect(r.source.length).toBeGreaterThan(10);
    }
  });
  it("refuses a gap", () => {
    expect(() =>
      checkRateRows("NO_POLICY", [row("2026-01-01", "2026-06-30"), row("2027-01-01", "2027-06-30")]),
    ).toThrow("Gap in the Norges Bank policy rate: nothing from 2026-07-01 to 2026-12-31");
  });
  it("refuses an overlap", () => {
    expect(() =>
      checkRateRows("NO_POLICY", [row("2026-01-01", "2026-06-30"), row("2026-01-01", "2026-06-30", "3.75")]),
    ).toThrow("Overlap in the Norges Bank policy rate");
  });
  it("refuses a row that is not a half-year", () => {
    expect(() => checkRateRows("NO_POLICY", [row("2026-02-01", "2026-06-30")])).toThrow("exactly one half-year");
  });
  it("interest for a half-year without a rate is refused with what to add", () => {
    expect(() =>
      price({
        country: "NO",
        currency: "NOK",
        letterDate: "2026-07-10",
        settings: { ...DEFAULT_LAW_SETTINGS, statutoryInterest: true },
        invoices: [{ number: "N-3", dueDate: "2026-06-01", amountMinor: 100_000, payments: [] }],
      }),
    ).toThrow("No Norges Bank policy rate is recorded for 2026-07-01 - 2026-12-31");
  });
});
