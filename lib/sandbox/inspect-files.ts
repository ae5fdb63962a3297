import { createHash } from "node:crypto";
import { runInSandbox } from "./run-in-sandbox";

// Structural checks of untrusted files, run in the sandbox (run-in-sandbox.ts). The caps
// are the caller's: what a document kind may hold is domain knowledge.

export interface PdfCaps {
  maxPages: number;
  maxObjects: number;
}

export interface PdfFacts {
  pages: number;
  objects: number;
}

/** Parses the PDF with page and object caps; throws AppError (INVALID_INPUT or TOO_LARGE) when it is refused. */
export function inspectPdf(bytes: Uint8Array, caps: PdfCaps): Promise<PdfFacts> {
  return runInSandbox<PdfFacts>("inspectPdf", { bytes, ...caps }, { what: "The PDF" });
}

export interface ImageCaps {
  maxWidth: number;
  maxHeight: number;
}

/** Reads a PNG or JPEG's size, refuses one over the caps, and decodes it once. */
export function inspectImage(
  bytes: Uint8Array,
  caps: ImageCaps,
): Promise<{ type: "png" | "jpeg"; width: number; height: number }> {
  return runInSandbox("inspectImage", { bytes, ...caps }, { what: "The image" });
}

// Files stored by their SHA-256 never change, so a verdict holds for good: a letter viewed
// ten times reads its enclosures once. Bounded, oldest first out.
const verdicts = new Map<string, unknown>();
const VERDICTS_KEPT = 2_000;

/**
 * Which of these stored PDFs pass the caps (null for one that does not), each read in the
 * sandbox once per process. For rendering: a file refused here is replaced by a note, so
 * one bad upload never stops a letter or a print run.
 */
export function checkStoredPdfs(files: Uint8Array[], caps: PdfCaps): Promise<(PdfFacts | null)[]> {
  return Promise.all(
    files.map((bytes) => remembered(`pdf:${caps.maxPages}:${caps.maxObjects}`, bytes, () => inspectPdf(bytes, caps))),
  );
}

/** Whether a stored image passes the caps, read in the sandbox once per file and process. */
export async function storedImagePasses(bytes: Uint8Array, caps: ImageCaps): Promise<boolean> {
  return (
    (await remembered(`image:${caps.maxWidth}:${caps.maxHeight}`, bytes, () => inspectImage(bytes, caps))) !== null
  );
}

async function remembered<T>(kind: string, bytes: Uint8Array, read: () => Promise<T>): Promise<T | null> {
  const key = `${kind}:${createHash("sha256").update(bytes).digest("hex")}`;
  if (verdicts.has(key)) return verdicts.get(key) as T | null;
  const verdict = await read().catch(() => null);
  if (verdicts.size >= VERDICTS_KEPT) verdicts.delete(verdicts.keys().next().value!);
  verdicts.set(key, verdict);
  return verdict;
}
