import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import type { ChargeLine } from "@/lib/law/list-customer-charges";

/**
 * The interest and fees the letters claimed, oldest first: each a claim of its
 * own beside the invoices, with the rate, period, the basis as stated in the
 * letter, what was paid against it and what is open. Amounts in minor units.
 */
export function chargesCsv(charges: ChargeLine[]): string {
  const header = [
    "Invoice",
    "Charge",
    "Currency",
    "Claimed (minor units)",
    "Paid (minor units)",
    "Open (minor units)",
    "Rate %",
    "From",
    "To",
    "Basis",
    "Letter id",
    "Charge id",
  ];
  const lines = [CSV_BOM + csvLine(header.map(csvText))];
  for (const c of charges) {
    lines.push(
      csvLine([
        csvText(c.invoiceNumber ?? ""),
        csvValue(c.kind),
        csvValue(c.currency),
        csvValue(c.amountMinor),
        csvValue(c.paidMinor),
        csvValue(c.openMinor),
        csvValue(c.ratePercent ?? ""),
        csvValue(c.fromDate ?? ""),
        csvValue(c.toDate ?? ""),
        csvText(c.basis),
        csvValue(c.letterId),
        csvValue(c.id),
      ]),
    );
  }
  return lines.join("");
}
