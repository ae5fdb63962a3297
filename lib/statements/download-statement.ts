import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { renderStatementPdf, statementPdfFilename } from "@/lib/documents/kinds/statement-pdf";
import { composeStatement } from "./compose-statement";

/**
 * A customer's statement as of today as a PDF to download. Not stored (nothing was
 * sent); the download is audited, with the hash of the text it showed, as the
 * hand-off pack's is. Any role may read it.
 */
export async function downloadStatement(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; userId: string; ip: string; now: Date },
): Promise<{ filename: string; pdf: Uint8Array }> {
  const s = await composeStatement(tx, opts);
  const pdf = await renderStatementPdf(tx, opts.orgId, {
    id: `${s.customerReference} ${s.asOf}`,
    language: s.language,
    subject: s.subject,
    body: s.body,
    contentSha256: s.contentSha256,
    createdAt: opts.now,
    letterhead: s.letterhead,
  });
  await recordAudit(
    tx,
    { orgId: opts.orgId, userId: opts.userId, ip: opts.ip },
    {
      kind: "statement.downloaded",
      payload: { customerId: s.customerId, asOf: s.asOf, language: s.language, contentSha256: s.contentSha256 },
    },
  );
  return { filename: statementPdfFilename(s), pdf };
}
