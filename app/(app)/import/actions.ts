"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { commitImport } from "@/lib/imports/commit-import";
import { getImportOrThrow } from "@/lib/imports/get-import";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "@/lib/imports/parse-values";
import { runInBackground } from "@/lib/imports/run-in-background";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { validateImport } from "@/lib/imports/validate-import";

const MAP_PREFIX = "map.";

/** Saves the column mapping and formats, then checks the whole file in the background. */
export const checkImportAction = defineAction({
  roles: WORKING_ROLES,
  schema: z
    .object({ importId: z.uuid(), dateFormat: z.enum(DATE_FORMATS, "Choose how dates are written."), decimalSeparator: z.enum(DECIMAL_SEPARATORS, "Choose the decimal mark.") })
    .catchall(z.string().max(300)),
  run: async (user, input) => {
    const mapping = Object.fromEntries(
      Object.entries(input).filter(([key]) => key.startsWith(MAP_PREFIX)).map(([key, header]) => [key.slice(MAP_PREFIX.length), String(header)]),
    );
    await saveImportMapping(db(), { orgId: user.orgId, importId: input.importId, mapping, options: { dateFormat: input.dateFormat, decimalSeparator: input.decimalSeparator } });
    runInBackground(() => validateImport(db(), { orgId: user.orgId, importId: input.importId }));
    revalidatePath(`/import/${input.importId}`);
    return { message: "Checking the file…" };
  },
});

/** Imports a checked, clean file all-or-nothing, in the background. */
export const commitImportAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ importId: z.uuid() }),
  run: async (user, { importId }) => {
    const imp = await getImportOrThrow(db(), { orgId: user.orgId, importId });
    if (imp.status !== "VALIDATED" || imp.problemCount > 0) throw new AppError("CONFLICT", "Only a checked file without problems can be imported.");
    runInBackground(() => commitImport(db(), { orgId: user.orgId, importId, userId: user.userId }));
    revalidatePath(`/import/${importId}`);
    return { message: "Importing…" };
  },
});
