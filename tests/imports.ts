import { createReadStream } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { commitImport } from "@/lib/imports/commit-import";
import type { ColumnMapping } from "@/lib/imports/fields";
import type { ChosenOptions } from "@/lib/imports/import-options";
import { receiveImportFile } from "@/lib/imports/receive-import-file";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { validateImport } from "@/lib/imports/validate-import";

export const fixture = (name: string) => path.join(import.meta.dirname, "fixtures/imports", name);

async function* chunksOf(data: string | Buffer): AsyncGenerator<Uint8Array> {
  yield typeof data === "string" ? Buffer.from(data) : data;
}

/** Uploads a fixture file (by name) or in-memory CSV, as the upload route does. */
export function upload(
  db: Db,
  who: { orgId: string; userId: string },
  kind: ImportKind,
  file: string | { text: string | Buffer; name?: string },
  maxBytes?: number,
) {
  const body = typeof file === "string" ? createReadStream(fixture(file)) : chunksOf(file.text);
  const fileName = typeof file === "string" ? file : (file.name ?? "inline.csv");
  return receiveImportFile(db, { ...who, kind, fileName, body, maxBytes });
}

/** Upload, map (the suggested mapping unless given), check and, when clean, commit: what a user does on the import page. */
export async function importFile(
  db: Db,
  who: { orgId: string; userId: string },
  kind: ImportKind,
  file: string | { text: string | Buffer; name?: string },
  opts: { mapping?: ColumnMapping; options?: Partial<ChosenOptions>; confirmChanges?: boolean } = {},
) {
  const uploaded = await upload(db, who, kind, file);
  await saveImportMapping(db, {
    orgId: who.orgId,
    importId: uploaded.id,
    mapping: opts.mapping ?? (uploaded.mapping as ColumnMapping),
    // What the upload detected (or remembered), unless the test chooses.
    options: { ...(uploaded.options as ChosenOptions), ...opts.options },
  });
  const checked = await validateImport(db, { orgId: who.orgId, importId: uploaded.id });
  if (checked.problemCount) return checked;
  return commitImport(db, {
    orgId: who.orgId,
    importId: uploaded.id,
    userId: who.userId,
    confirmChanges: opts.confirmChanges,
  });
}
