import { defineRoute } from "@/lib/actions/define-route";
import { parseQueryStrict } from "@/lib/actions/query-params";
import { recordAudit } from "@/lib/audit/events";
import { ANY_ROLE } from "@/lib/auth/roles";
import { customerFilterSchema } from "@/lib/customers/list-customers";
import { csvLinesOf, xlsxStreamOf } from "@/lib/exports/columns";
import { CUSTOMER_EXPORT_COLUMNS, customerExportRows } from "@/lib/exports/customer-rows";
import { appliedFilter, exportFormat, exportResponse } from "@/lib/exports/export-response";
import { todayIn } from "@/lib/time/dates";

/**
 * The customer list as CSV (or `?format=xlsx`) with its search, filters and sort: the
 * list's query string parsed with the list's own schema (a bad value is a 400). Audited.
 */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (ctx, request) => {
    const params = new URL(request.url).searchParams;
    const query = parseQueryStrict(customerFilterSchema, params);
    const format = exportFormat(params);
    const today = todayIn(ctx.timeZone);
    const filter = appliedFilter(query, [
      "q",
      "language",
      "currency",
      "country",
      "type",
      "balance",
      "paused",
      "assigned",
      "sort",
      "dir",
    ]);
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: request.headers.get("x-forwarded-for") ?? "" },
      { kind: "export.customers", payload: { format, filter } },
    );
    const rows = () => customerExportRows(ctx.db, { orgId: ctx.orgId, today, query, userId: ctx.userId });
    return exportResponse({
      filename: `customers-${today}`,
      format,
      csv: () => csvLinesOf(rows(), CUSTOMER_EXPORT_COLUMNS),
      xlsx: () => xlsxStreamOf(rows(), { sheet: `Customers ${today}`, columns: CUSTOMER_EXPORT_COLUMNS }),
    });
  },
});
