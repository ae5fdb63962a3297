import { createHash } from "node:crypto";
import { type Zippable, zipSync } from "fflate";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { DbOrTx } from "@/lib/db/client";
import { loadLogos, withCheckpoints } from "@/lib/documents/get-letter-pdf";
import { parseLetterhead } from "@/lib/documents/letterhead";
import { renderLetterPdf } from "@/lib/documents/render-letter-pdf";
import { customerCheckpoint } from "@/lib/history/checkpoint";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";
import { chargesCsv } from "./charges-csv";
import { contactHistoryCsv } from "./contact-history-csv";
import { handoffClaimCsv } from "./handoff-claim-csv";
import { loadPackData } from "./load-pack-data";
import { moneyMovementsCsv } from "./money-movements-csv";
import { renderSummaryPdf } from "./render-summary-pdf";

export interface PackManifest {
  format: "dunning-desk/handoff-pack/1";
  organization: { id: string; name: string; timeZone: string };
  customer: { id: string; reference: string; name: string };
  /** Figures (open balance, days past due, promise status) are as of this day in the organization's time zone. */
  asOf: string;
  /** The signed chain head (lib/history/checkpoint.ts) covering the customer's history; null before any history. */
  historyCheckpoint: { seq: string; headHash: string; signedAt: string; keyId: string; signature: string } | null;
  files: { name: string; sha256: string; size: number }[];
}

export interface HandoffPack {
  fileName: string;
  bytes: Uint8Array;
  manifest: PackManifest;
  /** SHA-256 of manifest.json: the pack's identity, recorded in the audit log. */
  manifestSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * The ZIP format stores local wall-clock time and fflate reads the Date's
 * local fields: a Date whose local fields are `at`'s UTC fields makes the
 * archive the same whatever the server's time zone. Clamped to ZIP's 1980–2099.
 */
function zipTime(at: Date): Date {
  const t = Math.min(Math.max(at.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31));
  const u = new Date(t);
  return new Date(
    u.getUTCFullYear(),
    u.getUTCMonth(),
    u.getUTCDate(),
    u.getUTCHours(),
    u.getUTCMinutes(),
    u.getUTCSeconds(),
  );
}

/**
 * The agency hand-off pack of one customer as a ZIP: summary.pdf, every letter
 * as sent (letters/*.pdf), contact-history.csv, money-movements.csv (payments and
 * ledger corrections), charges.csv (interest and fees
 * claimed, when any), and manifest.json naming each
 * file's SHA-256 and size. Deterministic: nothing in the files depends on when
 * the pack is made except the as-of day, entries are sorted and stamped with
 * the newest instant in the data, so the same data on the same day gives the
 * same bytes. Any role may make one (it is a read); each pack is audited with
 * its manifest hash. NOT_FOUND for another organization's customer.
 */
export async function buildHandoffPack(
  db: DbOrTx,
  opts: { orgId: string; customerId: string; actor: Actor; now: Date; ip?: string },
): Promise<HandoffPack> {
  const data = await loadPackData(db, opts);
  const letters = await withCheckpoints(db, data.letters);
  const checkpoint = await customerCheckpoint(db, opts);
  const logos = await loadLogos(db, opts.orgId, data.letters);
  const files = new Map<string, Uint8Array>();
  files.set("summary.pdf", await renderSummaryPdf(data));
  for (const letter of letters) {
    const sha = parseLetterhead(letter.letterhead)?.logoSha256;
    files.set(letter.fileName, await renderLetterPdf(letter, sha ? logos.get(sha) : null));
  }
  files.set("contact-history.csv", utf8(contactHistoryCsv(data.history, data.movements, data.org.timeZone)));
  files.set("money-movements.csv", utf8(moneyMovementsCsv(data.movements, data.org.timeZone)));
  // What went to the agency, line by line: letter 3's claim and anything included with a reason.
  if (data.handoffs.some((h) => h.lines.length)) files.set("handoff-claim.csv", utf8(handoffClaimCsv(data.handoffs)));
  // Interest and fees are claims of their own, never part of an invoice's principal.
  const charges = await listCustomerCharges(db, opts);
  if (charges.length) files.set("charges.csv", utf8(chargesCsv(charges)));

  const names = [...files.keys()].sort();
  const manifest: PackManifest = {
    format: "dunning-desk/handoff-pack/1",
    organization: { id: data.org.id, name: data.org.name, timeZone: data.org.timeZone },
    customer: { id: data.customer.id, reference: data.customer.reference, name: data.customer.name },
    asOf: data.asOf,
    // The signed chain head covering this customer's history: paste it into "Verify history" later.
    historyCheckpoint: checkpoint && {
      seq: checkpoint.seq.toString(),
      headHash: checkpoint.headHash,
      signedAt: checkpoint.signedAt.toISOString(),
      keyId: checkpoint.keyId,
      signature: checkpoint.signature,
    },
    files: names.map((name) => ({ name, sha256: sha256(files.get(name)!), size: files.get(name)!.length })),
  };
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestSha256 = sha256(manifestBytes);

  const mtime = zipTime(data.newestAt);
  const entries: Zippable = { "manifest.json": [manifestBytes, { mtime }] };
  for (const name of names) entries[name] = [files.get(name)!, { mtime, level: name.endsWith(".pdf") ? 0 : 6 }];
  const bytes = zipSync(entries, { mtime });

  await recordAudit(
    db,
    { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
    {
      kind: "handoff_pack.created",
      payload: {
        customerId: data.customer.id,
        currencies: data.balances.map((b) => b.currency),
        asOf: data.asOf,
        files: manifest.files.length + 1,
        manifestSha256,
        ...(checkpoint && { checkpointSeq: checkpoint.seq.toString() }),
      },
    },
  );

  const safeRef = data.customer.reference.replace(/[^\w.-]+/g, "_").slice(0, 60);
  return { fileName: `handoff-pack-${safeRef}-${data.asOf}.zip`, bytes, manifest, manifestSha256 };
}
