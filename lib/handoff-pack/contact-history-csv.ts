import type { HistoryEntry } from "@/lib/collections/contact-history";
import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import { localStamp } from "./load-pack-data";

/**
 * The complete contact history as CSV, oldest first: every contact attempt and
 * every promise, plan, dispute, hand-off and status change around them. Text
 * people typed (names, notes) is formula-escaped by csvText.
 */
export function contactHistoryCsv(entries: HistoryEntry[], timeZone: string): string {
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
  ];
  const lines = [CSV_BOM + csvLine(header.map(csvText))];
  for (const e of entries) {
    const contact = e.type === "contact";
    lines.push(
      csvLine([
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
      ]),
    );
  }
  return lines.join("");
}
