import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { inspectImage, inspectPdf } from "@/lib/sandbox/inspect-files";

// What a customer may attach to a dispute: a PDF or a PNG/JPEG image, known by its
// first bytes (never by its name or the browser's declared type), at most 2 MB, and
// then parsed structurally in the hardening issue's sandbox (lib/sandbox: its own
// time and memory budget, page/object and pixel caps), as invoice copies are.

export const MAX_CUSTOMER_FILE_BYTES = 2 * 1024 * 1024;

const KINDS: { type: string; magic: number[] }[] = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** A dispute's evidence is a few pages or a photo: far below the invoice copies' caps. */
const PDF_CAPS = { maxPages: 30, maxObjects: 20_000 };
const IMAGE_CAPS = { maxWidth: 8_000, maxHeight: 8_000 };

export type FileCheck = { ok: true; contentType: string } | { ok: false; reason: "type" | "size" };

/** The first-bytes check, then the sandbox's structural parse; a file it refuses reads as the wrong type. */
export async function inspectCustomerFile(bytes: Uint8Array): Promise<FileCheck> {
  const first = checkCustomerFile(bytes);
  if (!first.ok) return first;
  try {
    if (first.contentType === "application/pdf") await inspectPdf(bytes, PDF_CAPS);
    else await inspectImage(bytes, IMAGE_CAPS);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, reason: error.code === "TOO_LARGE" ? "size" : "type" };
    // A file the parser crashes on is not one we keep (seen: "%PDF-…%%EOF" with nothing
    // readable between gives a plain Error from the sandbox, not a refusal).
    console.warn("Customer file refused: the sandbox could not read it", (error as Error).message);
    return { ok: false, reason: "type" };
  }
  return first;
}

export function checkCustomerFile(bytes: Uint8Array): FileCheck {
  if (bytes.length > MAX_CUSTOMER_FILE_BYTES) return { ok: false, reason: "size" };
  const kind = KINDS.find((k) => k.magic.every((b, i) => bytes[i] === b));
  if (!kind) return { ok: false, reason: "type" };
  // A PDF ends with its trailer: a file cut short or padded with something else is refused.
  if (kind.type === "application/pdf" && !Buffer.from(bytes.subarray(-1024)).toString("latin1").includes("%%EOF"))
    return { ok: false, reason: "type" };
  return { ok: true, contentType: kind.type };
}

/** A name that is safe in a Content-Disposition header and a file system: letters, digits, dot, dash, underscore. */
export function safeFilename(name: string, contentType: string): string {
  const ext = contentType === "application/pdf" ? ".pdf" : contentType === "image/png" ? ".png" : ".jpg";
  const base = name
    .replace(/\.[^.]*$/, "")
    .replace(/[^\w.-]+/g, "_")
    .slice(0, 80);
  return `${base || "attachment"}${ext}`;
}

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
