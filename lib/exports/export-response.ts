import { Readable } from "node:stream";
import { streamLines } from "@/lib/csv/csv";
import { AppError } from "@/lib/errors/app-error";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `?format=`: csv (the default) or xlsx; anything else is a 400. */
export function exportFormat(params: URLSearchParams): "csv" | "xlsx" {
  const format = params.get("format") || "csv";
  if (format !== "csv" && format !== "xlsx")
    throw new AppError("INVALID_INPUT", `Export as csv or xlsx, not "${format.slice(0, 20)}".`);
  return format;
}

/** The filters a query applied, for the audit record: the parsed values that are set, as text. */
export function appliedFilter(filter: Record<string, unknown>, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.flatMap((k) => (filter[k] === undefined ? [] : [[k, String(filter[k])]])));
}

/** A streamed download: CSV line by line, or the spreadsheet as exceljs writes it. */
export function exportResponse(opts: {
  filename: string;
  format: "csv" | "xlsx";
  csv: () => AsyncGenerator<string>;
  xlsx: () => Readable;
}): Response {
  const headers = {
    "content-disposition": `attachment; filename="${opts.filename}.${opts.format}"`,
    "cache-control": "no-store",
  };
  if (opts.format === "xlsx") {
    const body = Readable.toWeb(opts.xlsx()) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: { ...headers, "content-type": XLSX_TYPE } });
  }
  return new Response(streamLines(opts.csv()), { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
