import type { Db } from "@/lib/db/client";
import { getLetterPdf, letterPdfFilename } from "@/lib/documents/get-letter-pdf";
import { loadInvoiceFiles } from "@/lib/invoices/invoice-pdf";
import { getPortalPage, type PortalPage } from "./get-portal-page";
import { isRateLimited, PORTAL_LIMITS, takeRateToken } from "./rate-limit";
import { type PortalAccount, resolvePortalLink } from "./resolve-link";

// Every public read of the customer's page goes through here: the address's rate
// limits first (views, and failed look-ups that would mean someone is guessing),
// then the link, then the one account it opens.

export type PortalAccess<T> = { status: "ok"; value: T } | { status: "dead" } | { status: "limited" };

/**
 * `now` is the app's clock (frozen in demos and end-to-end tests: it dates what is shown);
 * `rateNow`, when given, is the wall clock the rate limits count in.
 */
export interface PortalVisit {
  token: string;
  ip: string;
  now: Date;
  rateNow?: Date;
}

async function withLink<T>(
  db: Db,
  opts: PortalVisit,
  read: (account: PortalAccount) => Promise<T | null>,
): Promise<PortalAccess<T>> {
  const badKey = `portal:bad:${opts.ip}`;
  const rateAt = opts.rateNow ?? opts.now;
  if (await isRateLimited(db, badKey, PORTAL_LIMITS.badToken, rateAt)) return { status: "limited" };
  if (!(await takeRateToken(db, `portal:view:${opts.ip}`, PORTAL_LIMITS.view, rateAt))) return { status: "limited" };
  const link = await resolvePortalLink(db, opts.token, opts.now);
  if (!link.ok) {
    await takeRateToken(db, badKey, PORTAL_LIMITS.badToken, rateAt);
    return { status: "dead" };
  }
  const value = await read(link.account);
  return value === null ? { status: "dead" } : { status: "ok", value };
}

export function openPortalPage(
  db: Db,
  opts: { token: string; ip: string; now: Date },
): Promise<PortalAccess<PortalPage>> {
  return withLink(db, opts, (account) => getPortalPage(db, account, opts.now));
}

export interface PortalFile {
  filename: string;
  bytes: Uint8Array;
}

/** A copy of one of the account's own invoices; anything else reads as a dead link. */
export function openPortalInvoiceCopy(
  db: Db,
  opts: PortalVisit & { invoiceId: string },
): Promise<PortalAccess<PortalFile>> {
  return withLink(db, opts, async (a) => {
    if (!/^[0-9a-f-]{36}$/i.test(opts.invoiceId)) return null;
    const invoice = await db.invoice.findFirst({
      where: { id: opts.invoiceId, orgId: a.orgId, customerId: a.customerId, currency: a.currency },
      select: { number: true, pdfSha256: true },
    });
    if (!invoice?.pdfSha256) return null;
    const files = await loadInvoiceFiles(db, a.orgId, [invoice.pdfSha256]);
    const bytes = files.get(invoice.pdfSha256);
    return bytes ? { filename: `invoice-${invoice.number.replace(/[^\w.-]+/g, "_")}.pdf`, bytes } : null;
  });
}

/** A copy of one of the account's own letters, as it was sent (without the enclosed invoice copies). */
export function openPortalLetterCopy(
  db: Db,
  opts: PortalVisit & { letterId: string },
): Promise<PortalAccess<PortalFile>> {
  return withLink(db, opts, async (a) => {
    if (!/^[0-9a-f-]{36}$/i.test(opts.letterId)) return null;
    const letter = await db.letter.findFirst({
      where: { id: opts.letterId, orgId: a.orgId, customerId: a.customerId, currency: a.currency },
      select: { id: true, stage: true, sentAt: true },
    });
    if (!letter) return null;
    const { pdf } = await getLetterPdf(db, { orgId: a.orgId, letterId: letter.id, withEnclosures: false });
    return { filename: letterPdfFilename(letter), bytes: pdf };
  });
}
