import { defineRoute } from "@/lib/actions/define-route";
import { recordAudit } from "@/lib/audit/events";
import { ANY_ROLE } from "@/lib/auth/roles";
import { AGING_ACCOUNT_COLUMNS, agingAccountExportRows } from "@/lib/exports/aging-account-rows";
import { parseAgingExportRequest } from "@/lib/exports/aging-export-request";
import { csvLinesOf, xlsxStreamOf } from "@/lib/exports/columns";
import { appliedFilter, exportResponse } from "@/lib/exports/export-response";

/**
 * The aging report's accounts, one row per customer and currency (open, overdue, buckets,
 * letter stage, last contact), as CSV or `?format=xlsx`, with the report's filters and
 * sort (the page's query string and schema; a bad value is a 400). Audited with its filter.
 */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (ctx, request) => {
    const { query, asOf, today, format } = parseAgingExportRequest(request, ctx.timeZone);
    const filter = appliedFilter(query, ["q", "currency", "bucket", "sort", "dir"]);
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: request.headers.get("x-forwarded-for") ?? "" },
      { kind: "export.aging_accounts", payload: { asOf, format, filter } },
    );
    const rows = () => agingAccountExportRows(ctx.db, { orgId: ctx.orgId, timeZone: ctx.timeZone, today, asOf, query });
    return exportResponse({
      filename: `aging-accounts-${asOf}`,
      format,
      csv: () => csvLinesOf(rows(), AGING_ACCOUNT_COLUMNS),
      xlsx: () => xlsxStreamOf(rows(), { sheet: `Accounts ${asOf}`, columns: AGING_ACCOUNT_COLUMNS }),
    });
  },
});
