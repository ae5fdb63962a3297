import type { DbOrTx } from "@/lib/db/client";
import { formatPlainAmount } from "@/lib/imports/parse-values";
import type { DateOnly } from "@/lib/time/dates";
import { AGING_EXPORT_HEADERS, agingExportRows } from "./aging-rows";
import { CSV_BOM, csvLine, csvText, csvValue } from "./csv";

/** The aging export as CSV lines: amounts as plain decimals, text cells defused against formulas. */
export async function* agingCsvLines(
  tx: DbOrTx,
  opts: { orgId: string; asOf: DateOnly; today: DateOnly },
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(AGING_EXPORT_HEADERS.map(csvText));
  for await (const r of agingExportRows(tx, opts)) {
    yield csvLine([
      csvText(r.reference),
      csvText(r.name),
      csvText(r.number),
      csvValue(r.issueDate),
      csvValue(r.dueDate),
      csvValue(r.currency),
      csvValue(formatPlainAmount(r.amountMinor, r.currency)),
      csvValue(formatPlainAmount(r.paidMinor, r.currency)),
      csvValue(formatPlainAmount(r.openMinor, r.currency)),
      csvValue(r.daysPastDue),
      csvValue(r.bucket),
      csvValue(r.asOf),
    ]);
  }
}
