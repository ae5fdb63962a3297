import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { inspectPdf, type PdfCaps } from "@/lib/sandbox/inspect-files";

// The PDF of an invoice as it was sent, stored in PostgreSQL and named by its SHA-256:
// the same file twice is one row, a row never changes (a trigger refuses updates), and an
// invoice points at its current copy. Letters enclose it; the email attaches it; the print
// run puts it after the letter.

export const MAX_INVOICE_PDF_BYTES = 5 * 1024 * 1024;
/** What an invoice copy may hold: invoices run to a few pages and a few hundred objects. */
export const INVOICE_PDF_CAPS: PdfCaps = { maxPages: 50, maxObjects: 20_000 };

/**
 * Refuses anything that is not a readable PDF within the caps: parsed structurally in the
 * sandbox (lib/sandbox), off the event loop and within a time and memory budget, never
 * judged by its name, declared type or a "%PDF-" somewhere in its first bytes.
 */
export async function checkInvoicePdf(bytes: Uint8Array): Promise<void> {
  if (!bytes.length) throw new AppError("INVALID_INPUT", "The file is empty.", { file: ["Choose a PDF file."] });
  if (bytes.length > MAX_INVOICE_PDF_BYTES)
    throw new AppError("INVALID_INPUT", "The PDF is larger than 5 MB.", { file: ["At most 5 MB."] });
  try {
    await inspectPdf(bytes, INVOICE_PDF_CAPS);
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, { file: [error.message] });
    throw error;
  }
}

/**
 * Stores an invoice's PDF inside the caller's transaction and points the invoice at it,
 * with its audit record. For the upload on the customer page and for any code that
 * enters invoices (imports), which calls it in its own transaction.
 */
export async function storeInvoicePdf(
  tx: DbOrTx,
  opts: {
    orgId: string;
    userId: string | null;
    invoiceId: string;
    fileName: string;
    bytes: Uint8Array;
    /** Already passed checkInvoicePdf (outside the transaction, so no connection waits on the sandbox). */
    checked?: boolean;
  },
): Promise<{ sha256: string; customerId: string }> {
  // Checked here unless the caller did so before its transaction.
  if (!opts.checked) await checkInvoicePdf(opts.bytes);
  const invoice = await tx.invoice.findFirst({
    where: { id: opts.invoiceId, orgId: opts.orgId },
    select: { id: true, number: true, customerId: true },
  });
  if (!invoice) throw new AppError("NOT_FOUND", "That invoice was not found.");
  const sha256 = createHash("sha256").update(opts.bytes).digest("hex");
  await tx.invoiceFile.createMany({
    data: [
      {
        orgId: opts.orgId,
        sha256,
        fileName: opts.fileName.slice(0, 200) || `${invoice.number}.pdf`,
        bytes: Buffer.from(opts.bytes),
        createdById: opts.userId,
      },
    ],
    skipDuplicates: true,
  });
  await tx.invoice.update({ where: { id: invoice.id }, data: { pdfSha256: sha256 } });
  await recordAudit(
    tx,
    { orgId: opts.orgId, userId: opts.userId },
    {
      kind: "invoice.pdf_attached",
      payload: {
        invoiceId: invoice.id,
        customerId: invoice.customerId,
        invoiceNumber: invoice.number,
        sha256,
        bytes: opts.bytes.length,
      },
    },
  );
  return { sha256, customerId: invoice.customerId };
}

/** The upload on the customer page: admins and collectors. */
export async function attachInvoicePdf(
  db: Db,
  opts: { orgId: string; actor: Actor; invoiceId: string; fileName: string; bytes: Uint8Array },
): Promise<{ sha256: string; customerId: string }> {
  if (opts.actor.role === "VIEWER") throw new AppError("FORBIDDEN", "Viewers cannot attach invoice copies.");
  await checkInvoicePdf(opts.bytes);
  return db.$transaction((tx) => storeInvoicePdf(tx, { ...opts, userId: opts.actor.userId, checked: true }));
}

/** Invoice files by hash (the enclosures of letters), from the immutable store. */
export async function loadInvoiceFiles(tx: DbOrTx, orgId: string, hashes: string[]): Promise<Map<string, Uint8Array>> {
  const unique = [...new Set(hashes)];
  if (!unique.length) return new Map();
  const rows = await tx.invoiceFile.findMany({
    where: { orgId, sha256: { in: unique } },
    select: { sha256: true, bytes: true },
  });
  return new Map(rows.map((r) => [r.sha256, r.bytes]));
}
