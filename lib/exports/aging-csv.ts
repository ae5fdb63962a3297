import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { AGING_EXPORT_COLUMNS, type AgingExportFilter, agingExportRows } from "./aging-rows";
import { csvLinesOf } from "./columns";

/** The aging export as CSV lines: amounts as plain decimals, text cells defused against formulas. */
export function agingCsvLines(
  tx: DbOrTx,
  opts: { orgId: string; asOf: DateOnly; today: DateOnly; filter?: AgingExportFilter },
): AsyncGenerator<string> {
  return csvLinesOf(agingExportRows(tx, opts), AGING_EXPORT_COLUMNS);
}
