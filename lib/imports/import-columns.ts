import { z } from "zod";
import type { Import } from "@/lib/generated/prisma/client";
import type { ColumnMapping } from "./fields";
import type { RowNotice, RowProblem } from "./import-kind";
import { type ImportOptions, importOptionsSchema } from "./import-options";
import type { ImportChanges } from "./invoice-changes";
import type { PreviewRow } from "./preview-row";

// An import's JSON columns, parsed on read: what the database hands back is
// checked against the shape the code wrote, never cast to it.

export const importHeadersSchema = z.array(z.string());
export const columnMappingSchema: z.ZodType<ColumnMapping> = z.record(z.string(), z.string());
export const rowProblemsSchema: z.ZodType<RowProblem[]> = z.array(
  z.object({ line: z.number().int(), column: z.string(), message: z.string() }),
);

const facts = z.object({
  customer: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
});
export const importChangesSchema: z.ZodType<Partial<ImportChanges>> = z.object({
  invoices: z.number().int().optional(),
  amount: z.number().int().optional(),
  customer: z.number().int().optional(),
  dates: z.number().int().optional(),
  examples: z.array(z.object({ line: z.number().int(), number: z.string(), before: facts, after: facts })).optional(),
});
export const previewRowsSchema: z.ZodType<PreviewRow[]> = z.array(
  z.object({ line: z.number().int(), cells: z.record(z.string(), z.string()) }),
);
export const rowNoticesSchema: z.ZodType<RowNotice[]> = z.array(
  z.object({ line: z.number().int(), message: z.string() }),
);

export interface ImportColumns {
  headers: string[];
  mapping: ColumnMapping;
  options: ImportOptions;
  problems: RowProblem[];
  changes: Partial<ImportChanges>;
  preview: PreviewRow[];
  notices: RowNotice[];
}

export function readImportColumns(
  imp: Pick<Import, "headers" | "mapping" | "options" | "problems" | "changes" | "preview" | "notices">,
): ImportColumns {
  return {
    headers: importHeadersSchema.parse(imp.headers),
    mapping: columnMappingSchema.parse(imp.mapping),
    options: importOptionsSchema.parse(imp.options),
    problems: rowProblemsSchema.parse(imp.problems),
    changes: importChangesSchema.parse(imp.changes),
    preview: previewRowsSchema.parse(imp.preview),
    notices: rowNoticesSchema.parse(imp.notices),
  };
}
