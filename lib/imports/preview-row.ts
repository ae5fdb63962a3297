import { CUSTOMER_TYPE_LABEL } from "@/lib/customers/customer-fields";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { readCustomerType, readPreferredChannel } from "./customer-words";
import { AMOUNT_FIELDS, DATE_FIELDS } from "./detect-formats";
import { CURRENCY, type MappedRow } from "./import-kind";
import type { ImportOptions } from "./import-options";
import { parseImportAmount, parseImportDate } from "./parse-values";

export interface PreviewRow {
  line: number;
  cells: Record<string, string>;
}
export const PREVIEW_ROWS = 5;

/**
 * A row as the import reads it, for the page: dates spelled out ("3 February
 * 2026", so a swapped day and month shows), amounts formatted in the row's
 * currency (or the organization's when the row has none).
 */
export function previewRow(row: MappedRow, fields: string[], options: ImportOptions, currency: string): PreviewRow {
  const rowCurrency = CURRENCY.test(row.value("currency").toUpperCase())
    ? row.value("currency").toUpperCase()
    : currency;
  const cells: Record<string, string> = {};
  for (const field of fields) {
    if (!row.has(field)) continue;
    const text = row.value(field);
    if (!text) cells[field] = "";
    else if (DATE_FIELDS.includes(field)) {
      const date = parseImportDate(text, options.dateFormat);
      cells[field] = date.ok ? formatDateOnly(date.value, "en-GB", "long") : `? ${text}`;
    } else if (AMOUNT_FIELDS.includes(field)) {
      const amount = parseImportAmount(text, rowCurrency, options.decimalSeparator);
      cells[field] = amount.ok ? formatMoney(amount.value, rowCurrency) : `? ${text}`;
    } else if (field === "type" || field === "preferredChannel") {
      // The word as the file writes it, and what it is read as ("Bedrift: business").
      const read = field === "type" ? readCustomerType(text) : readPreferredChannel(text);
      const as =
        read.ok && read.value
          ? (field === "type"
              ? CUSTOMER_TYPE_LABEL[read.value as keyof typeof CUSTOMER_TYPE_LABEL]
              : read.value
            ).toLowerCase()
          : "";
      cells[field] = !read.ok ? `? ${text}` : as ? `${text}: ${as}` : text;
    } else cells[field] = text;
  }
  return { line: row.line, cells };
}
