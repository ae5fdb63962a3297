import type { RateRow } from "./rate-row";

// ECB main refinancing operations rate in force on 1 January / 1 July, as the
// Italian Ministry of Economy publishes it in the Gazzetta Ufficiale under
// D.Lgs. 231/2002 art. 5(2)-(3) ("tasso di riferimento"); + 8 points (art. 2,
// as amended by D.Lgs. 192/2012) lives in profiles/it.ts.
export const ECB_MRO: RateRow[] = [
  {
    series: "ECB_MRO",
    from: "2024-01-01",
    to: "2024-06-30",
    referencePercent: "4.50",
    source: "ECB MRO rate on 1 Jan 2024 (Irish DETE late-payment table, enterprise.gov.ie); MEF comunicato not read",
    needsCheck: false,
  },
  {
    series: "ECB_MRO",
    from: "2024-07-01",
    to: "2024-12-31",
    referencePercent: "4.25",
    source: "ECB MRO rate on 1 Jul 2024 (enterprise.gov.ie: 4.25 % + 8 = 12.25 %); MEF comunicato not read",
    needsCheck: false,
  },
  {
    series: "ECB_MRO",
    from: "2025-01-01",
    to: "2025-06-30",
    referencePercent: "3.15",
    source: "MEF comunicato, Gazzetta Ufficiale n. 63 of 17 Mar 2025: 3.15 % for 1 Jan - 30 Jun 2025",
    needsCheck: false,
  },
  {
    series: "ECB_MRO",
    from: "2025-07-01",
    to: "2025-12-31",
    referencePercent: "2.15",
    source: "MEF comunicato, Gazzetta Ufficiale n. 161 of 14 Jul 2025: 2.15 % for 1 Jul - 31 Dec 2025",
    needsCheck: false,
  },
  {
    series: "ECB_MRO",
    from: "2026-01-01",
    to: "2026-06-30",
    referencePercent: "2.15",
    source: "MEF comunicato (26A00172), Gazzetta Ufficiale n. 15 of 20 Jan 2026: 2.15 % for 1 Jan - 30 Jun 2026",
    needsCheck: false,
  },
];
