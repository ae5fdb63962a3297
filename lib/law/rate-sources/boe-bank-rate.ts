import { badFile, csvRows, type ParsedRateFile, percentText, sortObservations } from "./observations";

// The Bank of England database's CSV export of Bank Rate, series IUDBEDR
// ("Official Bank Rate", daily): a header "DATE,IUDBEDR", then one row per
// business day, days written "02 Jan 2026".
// https://www.bankofengland.co.uk/boeapps/database/_iadb-fromshowcolumns.asp?csv.x=yes&SeriesCodes=IUDBEDR&UsingCodes=Y&CSVF=TN&Datefrom=01/Jan/2024&Dateto=now

export const BOE_BANK_RATE_URL =
  "https://www.bankofengland.co.uk/boeapps/database/_iadb-fromshowcolumns.asp?csv.x=yes&SeriesCodes=IUDBEDR&UsingCodes=Y&CSVF=TN&VPD=Y&VFD=N&Datefrom=01/Jan/2024&Dateto=now";
const WHAT = "Bank of England file";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "02 Jan 2026" -> "2026-01-02", read as a calendar day (never through Date, whose time zone would shift it). */
export function boeDay(text: string): string | null {
  const m = /^(\d{1,2}) ([A-Za-z]{3}) (\d{4})$/.exec(text.trim());
  if (!m) return null;
  const month = MONTHS.findIndex((name) => name.toLowerCase() === m[2].toLowerCase());
  if (month < 0) return null;
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

export function parseBoeBankRateCsv(text: string): ParsedRateFile {
  const rows = csvRows(text, ",");
  const header = (rows[0] ?? []).map((h) => h.trim().toUpperCase());
  const [dateCol, rateCol] = [header.indexOf("DATE"), header.indexOf("IUDBEDR")];
  if (dateCol < 0 || rateCol < 0)
    throw badFile(WHAT, 'expected the header "DATE,IUDBEDR": export series IUDBEDR as CSV.');
  const observations = rows.slice(1).flatMap((cells, i) => {
    const raw = cells[rateCol]?.trim() ?? "";
    if (!raw || raw === "..") return [];
    const date = boeDay(cells[dateCol] ?? "");
    const percent = percentText(raw);
    if (!date || !percent) throw badFile(WHAT, `line ${i + 2} has no day and rate ("${cells[dateCol]}", "${raw}").`);
    return [{ date, percent }];
  });
  if (!observations.length) throw badFile(WHAT, "it holds no Bank Rate.");
  return { series: "BOE_BANK", observations: sortObservations(observations), seriesKey: "IUDBEDR", daily: true };
}
