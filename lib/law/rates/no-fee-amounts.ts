// Norwegian amounts fixed by regulation, dated. Amounts in øre (NOK minor units).

export interface DatedAmount {
  from: string;
  /** Inclusive; null = until a newer row. */
  to: string | null;
  amountMinor: number;
  source: string;
  needsCheck: boolean;
}

/** Inkassosatsen (inkassoforskriften § 1-1); the purregebyr is at most 1/10 of it (§ 1-2). */
export const NO_INKASSOSATS: DatedAmount[] = [
  {
    from: "2026-01-01",
    to: null,
    amountMinor: 75_000,
    source: "Kred.no and Amili, 'fra 1. januar 2026 er inkassosatsen 750 kroner'",
    needsCheck: false,
  },
];

/** Standardkompensasjon (forsinkelsesrenteloven § 3a, amount fixed by regulation each half-year). */
export const NO_STANDARDKOMPENSASJON: DatedAmount[] = [
  {
    from: "2025-01-01",
    to: "2025-06-30",
    amountMinor: 47_000,
    source: "FOR-2024-12-19-3279 § 2: 470 kroner from 1 Jan 2025",
    needsCheck: false,
  },
  {
    from: "2026-01-01",
    to: "2026-06-30",
    amountMinor: 46_000,
    source: "Kred.no, 'Nye satser fra 1. januar 2026': standardkompensasjon 460 kroner",
    needsCheck: false,
  },
];

export function amountOn(rows: DatedAmount[], date: string): DatedAmount | null {
  return rows.find((r) => r.from <= date && (r.to === null || date <= r.to)) ?? null;
}
