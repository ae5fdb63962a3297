import { z } from "zod";
import { textField } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dateOnlyToDb } from "@/lib/time/dates";
import { baseCurrencyOf, insertRates } from "./insert-rates";
import { normalizeRateRow, rateRowProblem } from "./rate-rows";

export const enterRateSchema = z.object({
  currency: z.string({ message: "Choose a currency." }).trim().max(10, "Choose a currency."),
  validOn: z.string({ message: "Enter a date." }).trim().max(30, "Enter a date as YYYY-MM-DD."),
  rate: z.string({ message: "Enter a rate." }).trim().max(40, "That is not a rate."),
  source: textField(500, { required: "Name the source of the rate (e.g. ECB reference rate)." }),
});
export type EnterRateInput = z.infer<typeof enterRateSchema>;

/**
 * An administrator enters one rate: "1 base = rate x currency" from a day on.
 * A second rate for the same currency and day is a correction: it is a new
 * row, the newest wins, and the earlier one stays in the list as history.
 */
export async function enterRate(db: Db, opts: { orgId: string; userId: string; input: EnterRateInput }) {
  return db.$transaction(async (tx) => {
    const base = await baseCurrencyOf(tx, opts.orgId);
    const problem = rateRowProblem(opts.input, base);
    if (problem) throw new AppError("INVALID_INPUT", problem.message, { [problem.field]: [problem.message] });
    const row = normalizeRateRow(opts.input);
    const earlier = await tx.exchangeRate.count({
      where: { orgId: opts.orgId, baseCurrency: base, currency: row.currency, validOn: dateOnlyToDb(row.validOn) },
    });
    await insertRates(tx, { orgId: opts.orgId, userId: opts.userId, base, rows: [row] });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "rates.entered", payload: { base, ...row, correction: earlier > 0 } },
    );
    const what = `1 ${base} = ${row.rate} ${row.currency} from ${row.validOn}`;
    return {
      message: earlier ? `Corrected: ${what} (the earlier entry stays in the history).` : `Rate saved: ${what}.`,
    };
  });
}
