import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type ColumnMapping, missingFields } from "./fields";
import { getImportOrThrow } from "./get-import";
import { importHeadersSchema } from "./import-columns";
import { type ChosenOptions, importOptionsSchema } from "./import-options";

/** Sets an import's column mapping and formats, and remembers both for the organization's next file of this kind. */
export async function saveImportMapping(
  tx: DbOrTx,
  opts: { orgId: string; importId: string; mapping: ColumnMapping; options: ChosenOptions },
) {
  const imp = await getImportOrThrow(tx, opts);
  if (imp.status === "VALIDATING" || imp.status === "COMMITTING" || imp.status === "COMMITTED") {
    throw new AppError("CONFLICT", "This import is running or done; its mapping can no longer change.");
  }
  const headers = importHeadersSchema.parse(imp.headers);
  const mapping = Object.fromEntries(Object.entries(opts.mapping).filter(([, header]) => header));
  const errors = missingFields(imp.kind, mapping, headers);
  if (Object.keys(errors).length) throw new AppError("INVALID_INPUT", "Some fields need a column.", errors);
  const options = importOptionsSchema.parse({ ...(imp.options as object), ...opts.options });
  // The file's own facts (separator, header row, whether it lists invoice lines) are read from each file, not
  // remembered; nor is what to do with its rows whose number is a customer's already (a decision about this file).
  const { delimiter: _, headerLine: __, mergeLines: ___, sameNumber: ____, ...remembered } = options;
  await tx.importMapping.upsert({
    where: { orgId_kind: { orgId: opts.orgId, kind: imp.kind } },
    create: { orgId: opts.orgId, kind: imp.kind, mapping, options: remembered },
    update: { mapping, options: remembered },
  });
  return tx.import.update({
    where: { id: imp.id },
    data: {
      mapping,
      options,
      status: "UPLOADED",
      problems: [],
      problemCount: 0,
      changes: {},
      notices: [],
      preview: [],
      rowCount: 0,
      bytesRead: 0,
      error: "",
    },
  });
}
