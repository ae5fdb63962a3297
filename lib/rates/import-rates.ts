import { z } from "zod";
import { textField } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { baseCurrencyOf, insertRates } from "./insert-rates";
import { parseRatesCsv } from "./parse-rates-csv";
import { normalizeRateRow } from "./rate-rows";

export const MAX_RATES_CSV_BYTES = 512 * 1024;
const ERRORS_SHOWN = 10;

export const importRatesSchema = z.object({
  // A file from the form, or the CSV text from a script or test.
  csv: z.union([z.instanceof(Blob), z.string()], { message: "Choose a CSV file." }),
  source: textField(500).optional(),
});
export type ImportRatesInput = z.infer<typeof importRatesSchema>;

/**
 * Imports a CSV of rates (the ECB's wide file or the long format, see
 * parse-rates-csv.ts) all or nothing: every line is checked first, and one
 * bad line refuses the file with the line numbers; otherwise every rate is
 * appended in one transaction with one audit record.
 */
export async function importRates(db: Db, opts: { orgId: string; userId: string; input: ImportRatesInput }) {
  const { csv } = opts.input;
  const size = csv instanceof Blob ? csv.size : Buffer.byteLength(csv);
  if (size > MAX_RATES_CSV_BYTES)
    throw new AppError("TOO_LARGE", `The file is larger than ${MAX_RATES_CSV_BYTES / 1024} KB: split it by year.`);
  const text = typeof csv === "string" ? csv : await csv.text();
  return db.$transaction(async (tx) => {
    const base = await baseCurrencyOf(tx, opts.orgId);
    const parsed = parseRatesCsv(text, { base, source: opts.input.source ?? "" });
    if (!parsed.ok) {
      const more = parsed.errors.length > ERRORS_SHOWN ? ` (and ${parsed.errors.length - ERRORS_SHOWN} more)` : "";
      const message = `Nothing was imported. ${parsed.errors.slice(0, ERRORS_SHOWN).join(" ")}${more}`;
      throw new AppError("INVALID_INPUT", message, { csv: parsed.errors.slice(0, ERRORS_SHOWN) });
    }
    const rows = parsed.rows.map(normalizeRateRow);
    await insertRates(tx, { orgId: opts.orgId, userId: opts.userId, base, rows });
    const days = [...new Set(rows.map((r) => r.validOn))].sort();
    const currencies = [...new Set(rows.map((r) => r.currency))].sort();
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      {
        kind: "rates.imported",
        payload: { base, format: parsed.format, rows: rows.length, currencies, from: days[0], to: days.at(-1)! },
      },
    );
    const span = days.length === 1 ? days[0] : `${days[0]} to ${days.at(-1)}`;
    return { message: `Imported ${rows.length} rates against ${base} (${currencies.join(", ")}) for ${span}.` };
  });
}
