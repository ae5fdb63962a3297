import { z } from "zod";
import { dateOnlyField, textField } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { dateOnlyToDb } from "@/lib/time/dates";
import { loadRates } from "./load-rates";
import { checkRateRows, halfYearOf, SERIES_NAMES } from "./rate-table";

export const addReferenceRateSchema = z.object({
  series: z.enum(["NO_POLICY", "ECB_MRO", "BOE_BANK"], { message: "Choose a rate series." }),
  from: dateOnlyField,
  referencePercent: z
    .string({ message: "Enter a rate." })
    .trim()
    .regex(/^\d{1,2}(\.\d{1,4})?$/, "Enter the rate as a percentage like 4.25."),
  source: textField(500, { required: "Name the source (e.g. the regulation or the central bank's decision)." }),
});
export type AddReferenceRateInput = z.infer<typeof addReferenceRateSchema>;

/**
 * An administrator adds the next half-year's reference rate. It must start a
 * half-year and follow the last known one with no gap; a half-year already
 * covered (by the repository's table or an earlier entry) is refused: a rate
 * once used in a letter is never changed.
 */
export async function addReferenceRate(
  db: Db,
  opts: { orgId: string; actor: { userId: string; role: Role }; input: AddReferenceRateInput },
) {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can add a reference rate.");
  const { series, from, referencePercent, source } = opts.input;
  const half = halfYearOf(from);
  if (half.from !== from)
    throw new AppError("INVALID_INPUT", `A rate starts a half-year: ${half.from}, not ${from}.`, {
      from: ["Use 1 January or 1 July."],
    });
  try {
    return await db.$transaction(async (tx) => {
      const rates = await loadRates(tx, { orgId: opts.orgId, series });
      checkRateRows(series, [
        ...rates[series],
        { series, from, to: half.to, referencePercent, source, needsCheck: false },
      ]);
      const row = await tx.referenceRate.create({
        data: {
          orgId: opts.orgId,
          series,
          validFrom: dateOnlyToDb(from),
          validTo: dateOnlyToDb(half.to),
          referencePercent,
          source,
          addedById: opts.actor.userId,
        },
      });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId },
        { kind: "law.rate_added", payload: { series, from, to: half.to, referencePercent, source } },
      );
      return { id: row.id, message: `${SERIES_NAMES[series]} ${referencePercent} % added for ${from} - ${half.to}.` };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `The ${SERIES_NAMES[series]} for ${from} was just added by someone else.`);
    throw error;
  }
}
