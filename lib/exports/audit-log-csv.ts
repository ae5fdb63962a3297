import { type AuditFilter, allAuditEvents } from "@/lib/audit/list-audit-events";
import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import type { DbOrTx } from "@/lib/db/client";
import { formatInstant } from "@/lib/time/dates";

const HEADERS = ["Seq", "When", "Who", "From", "Customer", "What", "Event"];

/** The filtered audit log as CSV lines, oldest first; times in the organization's zone, text defused. */
export async function* auditLogCsvLines(
  tx: DbOrTx,
  opts: { orgId: string; filter: AuditFilter; timeZone: string; locale: string },
): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(HEADERS.map(csvText));
  for await (const r of allAuditEvents(tx, opts)) {
    yield csvLine([
      csvValue(r.seq),
      csvText(formatInstant(r.createdAt, opts.timeZone, opts.locale)),
      csvText(r.actor ?? "system"),
      csvText(r.ip),
      csvText(r.customerName ?? ""),
      csvText(r.sentence),
      csvValue(r.kind),
    ]);
  }
}
