import type { RateRow } from "./rate-row";

// Bank of England Bank Rate (the "official dealing rate") in force on 31 December
// (for debts on which interest starts to run 1 Jan - 30 Jun) or 30 June (1 Jul -
// 31 Dec): the Late Payment of Commercial Debts (Rate of Interest) (No. 3) Order
// 2002 (SI 2002/1675). The row's from/to is the half-year the debt falls overdue
// in, and its referencePercent the Bank Rate on the day before that half-year.
export const BOE_BANK_RATE: RateRow[] = [
  {
    series: "BOE_BANK",
    from: "2024-01-01",
    to: "2024-06-30",
    referencePercent: "5.25",
    source: "payontime.co.uk reference rate table (BIS late payment guidance): 5.25 % for 1 Jan - 30 Jun 2024",
    needsCheck: false,
  },
  {
    series: "BOE_BANK",
    from: "2024-07-01",
    to: "2024-12-31",
    referencePercent: "5.25",
    source: "Bank of England held Bank Rate at 5.25 % on 20 Jun 2024 (BBC live report), so 5.25 % on 30 Jun 2024",
    needsCheck: false,
  },
  {
    series: "BOE_BANK",
    from: "2025-01-01",
    to: "2025-06-30",
    referencePercent: "4.75",
    source:
      "Bank of England MPC 7 Nov 2024: Bank Rate cut to 4.75 %, unchanged on 31 Dec 2024 (LAW.md, checked 2026-12-07; the saved IUDBEDR export agrees)",
    needsCheck: false,
  },
  {
    series: "BOE_BANK",
    from: "2025-07-01",
    to: "2025-12-31",
    referencePercent: "4.25",
    source: "Bank of England MPC June 2025: Bank Rate held at 4.25 % (so 4.25 % on 30 Jun 2025)",
    needsCheck: false,
  },
  {
    series: "BOE_BANK",
    from: "2026-01-01",
    to: "2026-06-30",
    referencePercent: "3.75",
    source: "Bank of England MPC 18 Dec 2025: Bank Rate cut from 4 % to 3.75 % (so 3.75 % on 31 Dec 2025)",
    needsCheck: false,
  },
  {
    series: "BOE_BANK",
    from: "2026-07-01",
    to: "2026-12-31",
    referencePercent: "3.75",
    source:
      "Bank Rate 3.75 % on 30 Jun 2026: the MPC held it on 18 Jun 2026 (LAW.md, checked 2026-12-07, secondary source only: LiveSquawk)",
    needsCheck: true,
  },
];
