import { z } from "zod";
import type { Import } from "@/lib/generated/prisma/client";
import type { ColumnMapping } from "./fields";
import type { RowProblem } from "./import-kind";
import { type ImportOptions, importOptionsSchema } from "./import-options";

// An import's JSON columns, parsed on read: what the database hands back is
// checked against the shape the code wrote, never cast to it.

export const importHeadersSchema = z.array(z.string());
export const columnMappingSchema: z.ZodType<ColumnMapping> = z.record(z.string(), z.string());
export const rowProblemsSchema: z.ZodType<RowProblem[]> = z.array(
  z.object({ line: z.number().int(), column: z.string(), message: z.string() }),
);

export interface ImportColumns {
  headers: string[];
  mapping: ColumnMapping;
  options: ImportOptions;
  problems: RowProblem[];
}

export function readImportColumns(imp: Pick<Import, "headers" | "mapping" | "options" | "problems">): ImportColumns {
  return {
    headers: importHeadersSchema.parse(imp.headers),
    mapping: columnMappingSchema.parse(imp.mapping),
    options: importOptionsSchema.parse(imp.options),
    problems: rowProblemsSchema.parse(imp.problems),
  };
}
