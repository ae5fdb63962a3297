import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { addDaysTo, type DateOnly, dateOnlyToDb } from "@/lib/time/dates";
import { loadRates } from "./load-rates";
import type { RateSeriesId } from "./profile-types";
import { disagreements, halfYearRates } from "./rate-sources/half-year-rates";
import type { ParsedRateFile } from "./rate-sources/observations";
import { RATE_FILE_PARSERS } from "./rate-sources/parse-rate-file";
import { checkRateRows, SERIES_NAMES } from "./rate-table";

/** The largest file an admin may upload: Norges Bank's whole daily history is about 300 kB. */
export const RATE_FILE_MAX_CHARS = 2_000_000;

export const importRateFileSchema = z.object({
  series: z.enum(["NO_POLICY", "ECB_MRO", "BOE_BANK"], { message: "Choose a rate series." }),
  // A file from the form, or the text from a script or test.
  file: z.union([z.instanceof(Blob), z.string()], { message: "Choose the file to upload." }),
});

export interface RateFileResult {
  added: { from: string; referencePercent: string }[];
  /** Recorded half-years the file contradicts (never changed; an admin looks into them). */
  disagreements: string[];
  message: string;
}

/**
 * Records the half-years a central bank's file establishes after the last one
 * known, in one transaction with its audit record: the same path for the
 * worker's fetch (actor null) and an administrator's upload. Rows once
 * recorded are never changed; a file that contradicts one is reported.
 */
export async function recordRateFile(
  tx: DbOrTx,
  opts: { orgId: string; userId: string | null; file: ParsedRateFile; today: DateOnly; origin: string },
): Promise<RateFileResult> {
  const { series } = opts.file;
  const name = SERIES_NAMES[series];
  const known = (await loadRates(tx, { orgId: opts.orgId, series }))[series];
  const last = known.at(-1);
  const firstFrom = last ? addDaysTo(last.to, 1) : "2024-01-01";
  const readings = halfYearRates(opts.file, { firstFrom, today: opts.today, origin: opts.origin });
  const contradictions = disagreements(opts.file, known);
  if (readings.length) {
    checkRateRows(series, [...known, ...readings.map((r) => r.row)]);
    await tx.referenceRate.createMany({
      data: readings.map(({ row }) => ({
        orgId: opts.orgId,
        series,
        validFrom: dateOnlyToDb(row.from),
        validTo: dateOnlyToDb(row.to),
        referencePercent: row.referencePercent,
        source: row.source,
        addedById: opts.userId,
      })),
    });
    const added = readings.map((r) => ({ from: r.row.from, referencePercent: r.row.referencePercent }));
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "law.rates_uploaded", payload: { series, added } },
    );
  }
  const added = readings.map((r) => ({ from: r.row.from, referencePercent: r.row.referencePercent }));
  const addedText = added.length
    ? `${name}: ${added.map((a) => `${a.referencePercent} % from ${a.from}`).join(", ")} recorded.`
    : `${name}: nothing new; the file gives no half-year after ${last?.to ?? "the table"} yet.`;
  const checkText = contradictions.length
    ? ` The file disagrees with recorded rows: ${contradictions.join("; ")}.`
    : " Every recorded half-year agrees with the file.";
  return { added, disagreements: contradictions, message: addedText + checkText };
}

/** An administrator uploads the file the worker could not fetch; the same parser reads it. */
export async function importRateFile(
  db: Db,
  opts: {
    orgId: string;
    actor: { userId: string; role: Role };
    input: z.infer<typeof importRateFileSchema>;
    today: DateOnly;
  },
): Promise<RateFileResult> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can upload a rate file.");
  const upload = opts.input.file;
  if ((typeof upload === "string" ? upload.length : upload.size) > RATE_FILE_MAX_CHARS)
    throw new AppError("TOO_LARGE", "That file is too large for a rate series: download only the series itself.");
  const text = typeof upload === "string" ? upload : await upload.text();
  if (!text.trim())
    throw new AppError("INVALID_INPUT", "Choose the file to upload.", { file: ["Choose the file to upload."] });
  const file = RATE_FILE_PARSERS[opts.input.series as RateSeriesId](text);
  return db.$transaction((tx) =>
    recordRateFile(tx, {
      orgId: opts.orgId,
      userId: opts.actor.userId,
      file,
      today: opts.today,
      origin: `uploaded by an administrator on ${opts.today}`,
    }),
  );
}
