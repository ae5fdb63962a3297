import { Readable } from "node:stream";
import { defineRoute } from "@/lib/actions/define-route";
import { parseAsOf } from "@/lib/aging/aging-as-of";
import { recordAudit } from "@/lib/audit/events";
import { ANY_ROLE } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { agingCsvLines } from "@/lib/exports/aging-csv";
import { agingExportRows } from "@/lib/exports/aging-rows";
import { agingXlsxStream } from "@/lib/exports/aging-xlsx";
import { streamLines } from "@/lib/exports/csv";
import { todayIn } from "@/lib/time/dates";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The aging report's open invoices as CSV (or `?format=xlsx`), today or `?asOf=YYYY-MM-DD`; every export is audited. */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (ctx, request) => {
    const params = new URL(request.url).searchParams;
    const today = todayIn(ctx.timeZone);
    const asOf = parseAsOf(params.get("asOf"), today);
    if (!asOf.ok) throw new AppError("INVALID_INPUT", asOf.error);
    const format = params.get("format") ?? "csv";
    if (format !== "csv" && format !== "xlsx")
      throw new AppError("INVALID_INPUT", `Export as csv or xlsx, not "${format.slice(0, 20)}".`);
    await recordAudit(
      ctx.db,
      { orgId: ctx.orgId, userId: ctx.userId, ip: request.headers.get("x-forwarded-for") ?? "" },
      {
        kind: "export.aging",
        payload: { asOf: asOf.asOf, format },
      },
    );
    const scope = { orgId: ctx.orgId, asOf: asOf.asOf, today };
    const headers = {
      "content-disposition": `attachment; filename="aging-${asOf.asOf}.${format}"`,
      "cache-control": "no-store",
    };
    if (format === "xlsx") {
      const body = Readable.toWeb(
        agingXlsxStream(agingExportRows(ctx.db, scope), { asOf: asOf.asOf }),
      ) as ReadableStream<Uint8Array>;
      return new Response(body, { headers: { ...headers, "content-type": XLSX_TYPE } });
    }
    const lines = agingCsvLines(ctx.db, scope);
    const body = streamLines(lines);
    return new Response(body, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  },
});
