import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import type { PackData } from "./load-pack-data";

/**
 * What each hand-off passed to the agency, line by line: what letter 3 claimed
 * ("letter 3") and anything a collector added ("included", with the reason given).
 * Amounts in minor units of the hand-off's currency.
 */
export function handoffClaimCsv(handoffs: PackData["handoffs"]): string {
  const header = [
    "Handed over on",
    "Agency",
    "Reference",
    "Claimed by",
    "Item",
    "Invoice",
    "Currency",
    "Amount (minor units)",
    "Why included",
  ];
  const lines = [CSV_BOM + csvLine(header.map(csvText))];
  for (const h of handoffs) {
    for (const l of h.lines) {
      lines.push(
        csvLine([
          csvValue(h.handedOverOn),
          csvText(h.agency),
          csvText(h.reference),
          csvValue(l.source === "letter_3" ? "letter 3" : "included"),
          csvText(l.label),
          csvText(l.invoiceNumber ?? ""),
          csvValue(h.currency),
          csvValue(l.amountMinor),
          csvText(l.source === "included" ? (h.includedReason ?? "") : ""),
        ]),
      );
    }
  }
  return lines.join("");
}
