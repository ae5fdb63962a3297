// Norwegian amounts and fractions fixed by regulation, dated, each row with its
// source. Amounts in øre (NOK minor units). An administrator adds newer rows on
// "Law and rates" (fee_amounts table); lib/law/load-fee-amounts.ts merges them.

export type FeeAmountKind = "NO_INKASSOSATS" | "NO_STANDARDKOMPENSASJON";

export interface DatedAmount {
  kind: FeeAmountKind;
  from: string;
  /** Inclusive; null = until a newer row starts. */
  to: string | null;
  amountMinor: number;
  source: string;
  needsCheck: boolean;
}

export const FEE_AMOUNT_NAMES: Record<FeeAmountKind, string> = {
  NO_INKASSOSATS: "inkassosats (inkassoforskriften § 1-1)",
  NO_STANDARDKOMPENSASJON: "standardkompensasjon (forsinkelsesrenteloven § 3a)",
};

/**
 * Inkassosatsen (inkassoforskriften § 1-1). The regulation's text read on
 * juridika.no says 700 kr (unchanged since 2017); secondary sources (Kred.no,
 * Amili) report 750 kr from 1 January 2026. The two disagree, so the row keeps
 * the conservative primary figure (the fees claimed are the lower ones) and is
 * marked for checking; an administrator who has the regulation's 2026 text adds
 * a 750 kr row from 2026-01-01 on "Law and rates".
 */
export const NO_INKASSOSATS: DatedAmount[] = [
  {
    kind: "NO_INKASSOSATS",
    from: "2017-01-01",
    to: null,
    amountMinor: 70_000,
    source:
      "inkassoforskriften § 1-1 as read on juridika.no: 700 kroner; Kred.no and Amili report 750 kroner from 1 Jan 2026 (secondary, not in the text read)",
    needsCheck: true,
  },
];

/**
 * Standardkompensasjon (forsinkelsesrenteloven § 3a; the amount is fixed by
 * regulation with the half-year's interest rate). The amount in force on the
 * day the claim fell overdue applies; a half-year without a row refuses.
 */
export const NO_STANDARDKOMPENSASJON: DatedAmount[] = [
  {
    kind: "NO_STANDARDKOMPENSASJON",
    from: "2025-01-01",
    to: "2025-06-30",
    amountMinor: 47_000,
    source: "FOR-2024-12-19-3279 § 2: 470 kroner from 1 Jan 2025",
    needsCheck: false,
  },
  {
    kind: "NO_STANDARDKOMPENSASJON",
    from: "2026-01-01",
    to: "2026-06-30",
    amountMinor: 46_000,
    source: "Kred.no, 'Nye satser fra 1. januar 2026': standardkompensasjon 460 kroner (secondary source)",
    needsCheck: true,
  },
];

export const REPO_FEE_AMOUNTS: Record<FeeAmountKind, DatedAmount[]> = {
  NO_INKASSOSATS,
  NO_STANDARDKOMPENSASJON,
};

/**
 * What a creditor's own notice may claim, as fractions of the inkassosats
 * (inkassoforskriften § 1-2, wording in force since 1 October 2020; before it
 * the purregebyr was 1/10). Dated like the amounts: the fraction in force on
 * the day the notice is sent applies.
 */
export interface FeeFractions {
  from: string;
  to: string | null;
  purring: [number, number];
  inkassovarsel: [number, number];
  betalingsoppfordring: [number, number];
  source: string;
}

export const NO_FEE_FRACTIONS: FeeFractions[] = [
  {
    from: "2020-10-01",
    to: null,
    purring: [1, 20],
    inkassovarsel: [1, 20],
    betalingsoppfordring: [3, 20],
    source:
      "inkassoforskriften § 1-2 (wording since 1 Oct 2020): purring and the creditor's own inkassovarsel 1/20, the creditor's own betalingsoppfordring 3/20 of the inkassosats",
  },
];

/** The row in force on `date`: the latest row starting on or before it, unless that row ended. */
export function amountOn<T extends { from: string; to: string | null }>(rows: T[], date: string): T | null {
  const row = [...rows].sort((a, b) => (a.from < b.from ? -1 : 1)).findLast((r) => r.from <= date);
  return row && (row.to === null || date <= row.to) ? row : null;
}
