import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { attachInvoicePdf, MAX_INVOICE_PDF_BYTES } from "./invoice-pdf";

// Server-action definitions for invoices; pages bind them by name (lib/server-actions).

export const attachInvoicePdfAction = actionDefinition({
  name: "invoices.attach_pdf",
  roles: WORKING_ROLES,
  // The documented 5 MB (the page says so), not the forms' 512 KB (issue 22).
  maxFileBytes: MAX_INVOICE_PDF_BYTES,
  schema: z.object({
    invoiceId: idField("an invoice"),
    file: z.instanceof(File, { message: "Choose the invoice's PDF." }),
  }),
  run: async (ctx, input) => {
    const bytes = new Uint8Array(await input.file.arrayBuffer());
    const { customerId } = await attachInvoicePdf(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      invoiceId: input.invoiceId,
      fileName: input.file.name,
      bytes,
    });
    return { message: "Invoice copy stored. Letters from now on enclose it.", data: { customerId } };
  },
});
