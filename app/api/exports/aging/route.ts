import { defineRoute } from "@/lib/actions/define-route";
import { recordAudit } from "@/lib/audit/events";
import { ANY_ROLE } from "@/lib/auth/roles";
import { agingCsvLines } from "@/lib/exports/aging-csv";
import { parseAgingExportRequest } from "@/lib/exports/aging-export-request";
import { agingExportRows } from "@/lib/exports/aging-rows";
import { agingXlsxStream } from "@/lib/exports/aging-xlsx";
import { appliedFilter, exportResponse } from "@/lib/exports/export-response";

/**
 * The aging report's open invoices as CSV (or `?format=xlsx`), today or `?asOf=YYYY-MM-DD`,
 * with the report's filters (`q`, `currency`, `bucket`: the page's query string, parsed
 * with the page's schema; a bad value is a 400). Every export is audited with its filter.
 */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (ctx, request) => {
    const { query, asOf, today, format } = parseAgingExportRequest(request, ctx.timeZone);
    const filter = appliedFilter(query, ["q", "currency", "bucket"]);
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: request.headers.get("x-forwarded-for") ?? "" },
      { kind: "export.aging", payload: { asOf, format, filter } },
    );
    const scope = { orgId: ctx.orgId, asOf, today, filter: query };
    return exportResponse({
      filename: `aging-${asOf}`,
      format,
      csv: () => agingCsvLines(ctx.db, scope),
      xlsx: () => agingXlsxStream(agingExportRows(ctx.db, scope), { asOf }),
    });
  },
});
