import { z } from "zod";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "./parse-values";
import { DELIMITERS } from "./read-csv";

/** How a file's cells are written: chosen by the user where the file cannot say. */
export const importOptionsSchema = z.object({
  delimiter: z.enum(DELIMITERS),
  dateFormat: z.enum(DATE_FORMATS),
  decimalSeparator: z.enum(DECIMAL_SEPARATORS),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export function defaultOptions(): Omit<ImportOptions, "delimiter"> {
  return { dateFormat: "iso", decimalSeparator: "." };
}
