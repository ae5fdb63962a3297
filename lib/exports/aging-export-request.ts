import { parseQueryStrict } from "@/lib/actions/query-params";
import { parseAsOf } from "@/lib/aging/aging-as-of";
import { type AccountQuery, accountFilterSchema } from "@/lib/aging/list-accounts";
import { AppError } from "@/lib/errors/app-error";
import { type DateOnly, todayIn } from "@/lib/time/dates";
import { exportFormat } from "./export-response";

/**
 * What an aging export asks for: the report's query string parsed with the report's
 * own schema, strictly (a bad filter, date or format is INVALID_INPUT, a 400).
 */
export function parseAgingExportRequest(
  request: Request,
  timeZone: string,
): { query: AccountQuery; asOf: DateOnly; today: DateOnly; format: "csv" | "xlsx" } {
  const params = new URL(request.url).searchParams;
  const today = todayIn(timeZone);
  const query = parseQueryStrict(accountFilterSchema, params);
  const asOf = parseAsOf(query.asOf, today);
  if (!asOf.ok) throw new AppError("INVALID_INPUT", asOf.error);
  return { query, asOf: asOf.asOf, today, format: exportFormat(params) };
}
