"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { runCommit, startCommit } from "@/lib/imports/commit-import";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "@/lib/imports/parse-values";
import { runInBackground } from "@/lib/imports/run-in-background";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { runValidation, startValidation } from "@/lib/imports/validate-import";

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
    const claimed = await startValidation(db(), { orgId: user.orgId, importId: input.importId });
    runInBackground(() => runValidation(db(), claimed));
    revalidatePath(`/import/${input.importId}`);
    return { message: "Checking the file…" };
  },
});

/** Imports a checked, clean file all-or-nothing, in the background. */
export const commitImportAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ importId: z.uuid() }),
  run: async (user, { importId }) => {
    const claimed = await startCommit(db(), { orgId: user.orgId, importId });
    runInBackground(() => runCommit(db(), claimed, { userId: user.userId }));
    revalidatePath(`/import/${importId}`);
    return { message: "Importing…" };
  },
});
