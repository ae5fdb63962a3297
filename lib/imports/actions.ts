import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { runCommit, startCommit } from "./commit-import";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "./parse-values";
import { runInBackground } from "./run-in-background";
import { saveImportMapping } from "./save-import-mapping";
import { runValidation, startValidation } from "./validate-import";

// Server-action definitions for CSV import; app/(app)/import/actions.ts wraps them.
// Both passes run after the request returns; the page polls the import for progress.

const MAP_PREFIX = "map.";

/** Saves the column mapping ("map.<field>" = header) and formats, then checks the whole file in the background. */
export const checkImportAction = actionDefinition({
  name: "imports.check",
  roles: WORKING_ROLES,
  schema: z
    .object({
      importId: idField("an import"),
      dateFormat: z.enum(DATE_FORMATS, "Choose how dates are written."),
      decimalSeparator: z.enum(DECIMAL_SEPARATORS, "Choose the decimal mark."),
    })
    .catchall(z.string({ message: "Choose a column." }).max(300, "At most 300 characters.")),
  run: async (ctx, input) => {
    const mapping = Object.fromEntries(
      Object.entries(input).filter(([key]) => key.startsWith(MAP_PREFIX)).map(([key, header]) => [key.slice(MAP_PREFIX.length), String(header)]),
    );
    await saveImportMapping(ctx.db, { orgId: ctx.orgId, importId: input.importId, mapping, options: { dateFormat: input.dateFormat, decimalSeparator: input.decimalSeparator } });
    const claimed = await startValidation(ctx.db, { orgId: ctx.orgId, importId: input.importId });
    runInBackground(() => runValidation(ctx.db, claimed));
    return { message: "Checking the file…", data: { importId: input.importId } };
  },
});

/** Imports a checked, clean file all-or-nothing, in the background. */
export const commitImportAction = actionDefinition({
  name: "imports.commit",
  roles: WORKING_ROLES,
  schema: z.object({ importId: idField("an import") }),
  run: async (ctx, { importId }) => {
    const claimed = await startCommit(ctx.db, { orgId: ctx.orgId, importId });
    runInBackground(() => runCommit(ctx.db, claimed, { userId: ctx.userId }));
    return { message: "Importing…", data: { importId } };
  },
});
