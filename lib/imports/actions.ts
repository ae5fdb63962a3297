import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { chooseHeaderRow } from "./choose-header-row";
import { queueCommit, queueValidation } from "./import-jobs";
import { INVOICE_IDENTITIES } from "./invoice-identity";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "./parse-values";
import { SAME_NUMBER_CHOICES } from "./same-number";
import { saveImportMapping } from "./save-import-mapping";

// Server-action definitions for CSV import; the import pages bind them by name (lib/server-actions).
// Both passes run on the job queue; the page polls the import for progress.

const MAP_PREFIX = "map.";

/** Saves the column mapping ("map.<field>" = header) and formats, and queues the check of the whole file, in one transaction. */
export const checkImportAction = actionDefinition({
  name: "imports.check",
  roles: WORKING_ROLES,
  schema: z
    .object({
      importId: idField("an import"),
      dateFormat: z.enum(DATE_FORMATS, "Choose how dates are written."),
      decimalSeparator: z.enum(DECIMAL_SEPARATORS, "Choose the decimal mark."),
      invoiceIdentity: z.enum(INVOICE_IDENTITIES, "Choose what makes an invoice number unique.").optional(),
      mergeLines: z.literal("on", "Tick the box or leave it.").optional(),
      sameNumber: z
        .enum(SAME_NUMBER_CHOICES, "Choose what to do with rows whose number is already a customer's.")
        .optional(),
    })
    .catchall(z.string({ message: "Choose a column." }).max(300, "At most 300 characters.")),
  run: async (ctx, input) => {
    const mapping = Object.fromEntries(
      Object.entries(input)
        .filter(([key]) => key.startsWith(MAP_PREFIX))
        .map(([key, header]) => [key.slice(MAP_PREFIX.length), String(header)]),
    );
    await ctx.db.$transaction(async (tx) => {
      await saveImportMapping(tx, {
        orgId: ctx.orgId,
        importId: input.importId,
        mapping,
        options: {
          dateFormat: input.dateFormat,
          decimalSeparator: input.decimalSeparator,
          ...(input.invoiceIdentity
            ? { invoiceIdentity: input.invoiceIdentity, mergeLines: input.mergeLines === "on" }
            : {}),
          ...(input.sameNumber ? { sameNumber: input.sameNumber } : {}),
        },
      });
      await queueValidation(tx, { orgId: ctx.orgId, importId: input.importId, userId: ctx.userId });
    });
    return { message: "Checking the file…", data: { importId: input.importId } };
  },
});

/** Takes another row of the file as its header row (exports put title lines above it). */
export const chooseHeaderRowAction = actionDefinition({
  name: "imports.headerRow",
  roles: WORKING_ROLES,
  schema: z.object({
    importId: idField("an import"),
    headerLine: z
      .string("Choose the header row.")
      .regex(/^[1-9]\d{0,2}$/, "Choose the header row.")
      .transform(Number),
  }),
  run: async (ctx, input) => {
    await ctx.db.$transaction((tx) => chooseHeaderRow(tx, { orgId: ctx.orgId, ...input }));
    return { message: `Row ${input.headerLine} is the header now: check the columns below.`, data: input };
  },
});

/** Queues the all-or-nothing import of a checked, clean file; changes to stored invoices need the confirmation box ticked. */
export const commitImportAction = actionDefinition({
  name: "imports.commit",
  roles: WORKING_ROLES,
  schema: z.object({ importId: idField("an import"), confirmChanges: z.literal("on").optional() }),
  run: async (ctx, { importId, confirmChanges }) => {
    await ctx.db.$transaction((tx) =>
      queueCommit(tx, { orgId: ctx.orgId, importId, userId: ctx.userId, confirmChanges: confirmChanges === "on" }),
    );
    return { message: "Importing…", data: { importId } };
  },
});
