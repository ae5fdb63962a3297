import { defineRoute } from "@/lib/actions/define-route";
import { parseQueryStrict } from "@/lib/actions/query-params";
import { recordAudit } from "@/lib/audit/events";
import { auditFilterStrictSchema } from "@/lib/audit/list-audit-events";
import { streamLines } from "@/lib/csv/csv";
import { auditLogCsvLines } from "@/lib/exports/audit-log-csv";

/** The audit log as CSV, with the filters on screen (?who=&what=&from=&to=&customer=), read strictly (a bad one is a 400 naming it); the export is itself audited. */
export const GET = defineRoute({
  roles: ["ADMIN", "VIEWER"],
  run: async (ctx, request) => {
    const filter = parseQueryStrict(auditFilterStrictSchema, new URL(request.url).searchParams);
    const applied = Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<string, string>;
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: request.headers.get("x-forwarded-for") ?? "" },
      { kind: "export.audit_log", payload: { filter: applied } },
    );
    const lines = auditLogCsvLines(ctx.db, { orgId: ctx.orgId, filter, timeZone: ctx.timeZone, locale: ctx.locale });
    const body = streamLines(lines);
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="audit-log.csv"',
        "cache-control": "no-store",
      },
    });
  },
});
