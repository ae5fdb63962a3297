import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type Checkpoint, checkpointsOfLetters } from "@/lib/history/checkpoint";
import { parseEnclosures } from "@/lib/invoices/enclosures";
import { loadInvoiceFiles } from "@/lib/invoices/invoice-pdf";
import { parseLetterhead } from "./letterhead";
import { type LinkedDocument, portalUrlsForLetters } from "./portal-link";
import { type LogoImage, renderLetterPdf, type StoredLetterForPdf } from "./render-letter-pdf";

export const storedLetterSelect = {
  id: true,
  orgId: true,
  customerId: true,
  currency: true,
  stage: true,
  language: true,
  subject: true,
  body: true,
  registeredMail: true,
  contentSha256: true,
  sentAt: true,
  letterhead: true,
  enclosures: true,
  protocolForms: true,
} as const;

/** The letters with the signed history checkpoint their footers print (lib/history/checkpoint.ts). */
export async function withCheckpoints<L extends { id: string }>(
  tx: DbOrTx,
  letters: L[],
): Promise<(L & { checkpoint: Checkpoint | null })[]> {
  const checkpoints = await checkpointsOfLetters(
    tx,
    letters.map((l) => l.id),
  );
  return letters.map((l) => ({ ...l, checkpoint: checkpoints.get(l.id) ?? null }));
}

/** The letters with the customer's page they print (portal-link.ts), made on their first rendering. */
export async function withPortalUrls<L extends Omit<LinkedDocument, "issuedAt"> & { id: string; sentAt: Date }>(
  tx: DbOrTx,
  letters: L[],
): Promise<(L & { portalUrl: string | null })[]> {
  const urls = await portalUrlsForLetters(
    tx,
    letters.map((l) => ({ ...l, issuedAt: l.sentAt })),
  );
  return letters.map((l) => ({ ...l, portalUrl: urls.get(l.id) ?? null }));
}

/** Each letter's enclosed invoice copies (their PDFs), in the letter's order. */
export async function loadEnclosureFiles(
  tx: DbOrTx,
  orgId: string,
  letters: { enclosures: unknown }[],
): Promise<Uint8Array[][]> {
  const lists = letters.map((l) => parseEnclosures(l.enclosures));
  const files = await loadInvoiceFiles(
    tx,
    orgId,
    lists.flat().map((e) => e.sha256),
  );
  return lists.map((list) => list.flatMap((e) => (files.has(e.sha256) ? [files.get(e.sha256)!] : [])));
}

/** The logos named by letters' snapshots, from the immutable content-addressed store. */
export async function loadLogos(
  tx: DbOrTx,
  orgId: string,
  letters: { letterhead: unknown }[],
): Promise<Map<string, LogoImage>> {
  const hashes = [
    ...new Set(letters.map((l) => parseLetterhead(l.letterhead)?.logoSha256).filter((h): h is string => !!h)),
  ];
  if (!hashes.length) return new Map();
  const rows = await tx.orgLogo.findMany({ where: { orgId, sha256: { in: hashes } } });
  return new Map(rows.map((r) => [r.sha256, { contentType: r.contentType, bytes: r.bytes }]));
}

export function letterPdfFilename(letter: { stage: number; sentAt: Date; id: string }): string {
  return `letter-${letter.stage}-${letter.sentAt.toISOString().slice(0, 10)}-${letter.id.slice(0, 8)}.pdf`;
}

/**
 * A stored letter of the organization as its PDF, followed by the invoice copies it
 * encloses unless `withEnclosures` is false; NOT_FOUND for letters of other organizations.
 */
export async function getLetterPdf(
  tx: DbOrTx,
  opts: { orgId: string; letterId: string; withEnclosures?: boolean },
): Promise<{ filename: string; pdf: Uint8Array; letter: StoredLetterForPdf; enclosures: Uint8Array[] }> {
  const found = await tx.letter.findFirst({
    where: { id: opts.letterId, orgId: opts.orgId },
    select: storedLetterSelect,
  });
  if (!found) throw new AppError("NOT_FOUND", "That letter was not found.");
  const [letter] = await withPortalUrls(tx, await withCheckpoints(tx, [found]));
  const logos = await loadLogos(tx, opts.orgId, [letter]);
  const sha = parseLetterhead(letter.letterhead)?.logoSha256;
  const [enclosures] = await loadEnclosureFiles(tx, opts.orgId, [letter]);
  const pdf = await renderLetterPdf(
    letter,
    sha ? logos.get(sha) : null,
    opts.withEnclosures === false ? [] : enclosures,
  );
  return { filename: letterPdfFilename(letter), pdf, letter, enclosures };
}
