import { defineRoute } from "@/lib/actions/define-route";
import { parseAsOf } from "@/lib/aging/aging-as-of";
import { recordAudit } from "@/lib/audit/events";
import { ANY_ROLE } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { agingCsvLines } from "@/lib/exports/aging-csv";
import { todayIn } from "@/lib/time/dates";

/** The aging report's open invoices as CSV, today or `?asOf=YYYY-MM-DD`; every export is audited. */
export const GET = defineRoute({
  roles: ANY_ROLE,
  run: async (user, request) => {
    const today = todayIn(user.timeZone);
    const asOf = parseAsOf(new URL(request.url).searchParams.get("asOf"), today);
    if (!asOf.ok) throw new AppError("INVALID_INPUT", asOf.error);
    await recordAudit(db(), { orgId: user.orgId, userId: user.userId, ip: request.headers.get("x-forwarded-for") ?? "" }, {
      kind: "export.aging",
      payload: { asOf: asOf.asOf, format: "csv" },
    });
    const lines = agingCsvLines(db(), { orgId: user.orgId, asOf: asOf.asOf, today });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await lines.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="aging-${asOf.asOf}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
});
