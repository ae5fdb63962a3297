import type { RateRow } from "./rate-row";

// Norges Bank's policy rate (styringsrenten) in force on 1 January / 1 July.
// Forsinkelsesrenteloven § 3 first paragraph: the forsinkelsesrente is fixed by
// regulation each half-year as the policy rate plus (at least) 8 points; every
// regulation checked so far is exactly + 8 (the margin lives in profiles/no.ts).
// Add a new half-year on the settings page, or here with its source.
export const NO_POLICY_RATE: RateRow[] = [
  {
    series: "NO_POLICY",
    from: "2024-01-01",
    to: "2024-06-30",
    referencePercent: "4.50",
    source:
      "Finansdepartementet, 'Forsinkelsesrente og standardkompensasjon fra 1. januar 2024': 12.5 % p.a. (policy rate 4.5 % + 8)",
    needsCheck: false,
  },
  {
    series: "NO_POLICY",
    from: "2024-07-01",
    to: "2024-12-31",
    referencePercent: "4.50",
    source:
      "Norges Bank, rate decision 14 Aug 2024: policy rate unchanged at 4.5 % (since Dec 2023); regulation FOR-2024-06-26-1320 (12.5 %) not read directly",
    needsCheck: false,
  },
  {
    series: "NO_POLICY",
    from: "2025-01-01",
    to: "2025-06-30",
    referencePercent: "4.50",
    source: "FOR-2024-12-19-3279 § 1: forsinkelsesrenten 12.5 % p.a. from 1 Jan 2025",
    needsCheck: false,
  },
  {
    series: "NO_POLICY",
    from: "2025-07-01",
    to: "2025-12-31",
    referencePercent: "4.25",
    source:
      "Norges Bank rate decision of 19 Jun 2025: policy rate cut from 4.5 % to 4.25 %, in force on 1 Jul 2025 (LAW.md, checked 2026-12-07; the saved IR B.KPRA.SD.R file agrees); the regulation FOR-2025-06-23-1321 itself (12.25 %) was not read",
    needsCheck: false,
  },
  {
    series: "NO_POLICY",
    from: "2026-01-01",
    to: "2026-06-30",
    referencePercent: "4.00",
    source:
      "Kred.no, 'Nye satser fra 1. januar 2026': forsinkelsesrente 12.00 % for the first half of 2026; Norges Bank 5 Nov 2025: policy rate 4 %",
    needsCheck: false,
  },
];
