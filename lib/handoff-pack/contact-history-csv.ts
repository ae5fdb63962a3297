import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { type HistoryEntry, happenedOrder } from "@/lib/collections/contact-history";
import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import { localStamp, type PackData } from "./load-pack-data";

/**
 * The complete contact history as CSV, in the order things happened: every
 * contact attempt and every promise, plan, dispute, hand-off and status change,
 * and the payments and corrections (credit notes, write-offs, reversals, credit
 * applied) on the day of their accounting date. A payment has a date, not a time:
 * rows are ordered by the day things happened (in the organization's time zone),
 * then by when they were entered, which each row shows. Text people typed (names,
 * notes) is formula-escaped by csvText.
 */
export function contactHistoryCsv(entries: HistoryEntry[], movements: PackData["movements"], timeZone: string): string {
  const header = [
    "When (UTC)",
    `When (${timeZone})`,
    "Who",
    "Kind",
    "Channel",
    "Direction",
    "Outcome",
    "Letter stage",
    "Event",
    "Note",
    "Entry id",
    "Happened on",
    "Invoice",
    "Currency",
    "Amount (minor units)",
  ];
  const rows: { day: string; at: Date; cells: string[] }[] = [];
  for (const e of entries) {
    const contact = e.type === "contact";
    const day = format(new TZDate(e.at, timeZone), "yyyy-MM-dd");
    rows.push({
      day,
      at: e.at,
      cells: [
        csvValue(e.at.toISOString()),
        csvValue(localStamp(e.at, timeZone)),
        csvText(e.by),
        csvValue(e.type),
        csvValue(contact ? e.channel : ""),
        csvValue(contact ? e.direction : ""),
        csvValue(contact ? e.outcome : ""),
        csvValue(contact && e.letter ? e.letter.stage : ""),
        csvText(contact ? "" : e.title),
        csvText(e.note),
        csvValue(e.id),
        csvValue(day),
        "",
        "",
        "",
      ],
    });
  }
  // A movement's "When" columns are when it was entered; "Happened on" is its accounting date.
  for (const m of movements)
    rows.push({
      day: m.on,
      at: m.at,
      cells: [
        csvValue(m.at.toISOString()),
        csvValue(localStamp(m.at, timeZone)),
        csvText(m.by),
        csvValue(m.kind),
        "",
        "",
        "",
        "",
        csvText(m.reference),
        csvText(m.reason),
        "",
        csvValue(m.on),
        csvText(m.invoiceNumber ?? ""),
        csvValue(m.currency),
        csvValue(m.amount),
      ],
    });
  rows.sort(happenedOrder);
  return [CSV_BOM + csvLine(header.map(csvText)), ...rows.map((r) => csvLine(r.cells))].join("");
}
