import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import { localStamp, type PackData } from "./load-pack-data";

/**
 * Payments and ledger corrections as CSV, in the order they were entered: what was paid,
 * credited, written off, reversed or applied, on which invoice (none: the account's credit),
 * on which accounting date. Amounts in minor units; text people typed is formula-escaped.
 */
export function moneyMovementsCsv(movements: PackData["movements"], timeZone: string): string {
  const header = [
    "Entered (UTC)",
    `Entered (${timeZone})`,
    "Date",
    "Kind",
    "Invoice",
    "Reference",
    "Currency",
    "Amount (minor units)",
    "Method or reason",
    "Entered by",
    "Reversed later",
  ];
  const lines = [CSV_BOM + csvLine(header.map(csvText))];
  for (const m of movements)
    lines.push(
      csvLine([
        csvValue(m.at.toISOString()),
        csvValue(localStamp(m.at, timeZone)),
        csvValue(m.on),
        csvValue(m.kind),
        csvText(m.invoiceNumber ?? ""),
        csvText(m.reference),
        csvValue(m.currency),
        csvValue(m.amount),
        csvText(m.reason),
        csvText(m.by),
        csvValue(m.reversed ? "yes" : ""),
      ]),
    );
  return lines.join("");
}
