import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DbOrTx } from "@/lib/db/client";

// The personal link printed on a document (a letter's QR code and address, the
// email's button). The token is an HMAC of the link row's id under a server key,
// so a PDF rendered again from its stored row prints the same link, while the
// database keeps only the token's SHA-256: a copy of the database alone cannot
// open any customer's page. 32 bytes of HMAC, base64url: 43 characters.

const DEFAULT_KEY_FILE = ".data/portal-link-key";
const cache = globalThis as unknown as { dunningPortalKey?: { source: string; key: Buffer } };

/** PORTAL_LINK_KEY (at least 32 characters) when set, else the file PORTAL_LINK_KEY_FILE (default .data/portal-link-key, made once, 0600). */
export function portalLinkKey(): Buffer {
  const secret = process.env.PORTAL_LINK_KEY?.trim();
  const file = path.resolve(process.env.PORTAL_LINK_KEY_FILE ?? DEFAULT_KEY_FILE);
  const source = secret ? `env:${secret.length}:${secret.slice(-8)}` : `file:${file}`;
  if (cache.dunningPortalKey?.source !== source) {
    if (secret && secret.length < 32) throw new Error("PORTAL_LINK_KEY must be at least 32 characters.");
    cache.dunningPortalKey = { source, key: secret ? Buffer.from(secret) : keyFromFile(file) };
  }
  return cache.dunningPortalKey.key;
}

function keyFromFile(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Two processes racing: both end up with the first one's key.
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  return Buffer.from(readFileSync(file, "utf8").trim());
}

/** The token of a link row. */
export function portalToken(linkId: string, key: Buffer = portalLinkKey()): string {
  return createHmac("sha256", key).update(`dunning-desk portal link v1\n${linkId}`).digest("base64url");
}

/** What the database keeps of a token. */
export const portalTokenSha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** The shape of every token: refuses anything else before a query is made. */
export const PORTAL_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The app's public address (PUBLIC_URL), where customers open their page; no trailing slash. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string {
  return (env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}

export const portalUrl = (token: string) => `${publicBaseUrl()}/p/${token}`;

export interface LinkedDocument {
  orgId: string;
  customerId: string;
  currency: string;
  /** When the document went out: links issued before a revocation stop working. */
  issuedAt: Date;
}

/**
 * The portal address printed on each letter: made the first time the letter is
 * rendered (the unique letter_id makes a race or a second render harmless),
 * the same address every time after.
 */
export function portalUrlsForLetters(
  tx: DbOrTx,
  letters: (LinkedDocument & { id: string })[],
): Promise<Map<string, string>> {
  return portalUrlsFor(tx, "letterId", letters);
}

/** The same for a statement of account (unique statement_id): one link, to the account in `currency`. */
export async function portalUrlForStatement(tx: DbOrTx, statement: LinkedDocument & { id: string }): Promise<string> {
  return (await portalUrlsFor(tx, "statementId", [statement])).get(statement.id) as string;
}

async function portalUrlsFor(
  tx: DbOrTx,
  column: "letterId" | "statementId",
  docs: (LinkedDocument & { id: string })[],
): Promise<Map<string, string>> {
  if (!docs.length) return new Map();
  const ids = docs.map((d) => d.id);
  const find = () =>
    tx.portalLink.findMany({
      where: column === "letterId" ? { letterId: { in: ids } } : { statementId: { in: ids } },
      select: { id: true, letterId: true, statementId: true },
    });
  const existing = await find();
  const have = new Set(existing.map((l) => l[column]));
  const missing = docs.filter((d) => !have.has(d.id));
  if (missing.length) {
    const key = portalLinkKey();
    await tx.portalLink.createMany({
      data: missing.map((d) => {
        const id = randomUUID();
        return {
          id,
          orgId: d.orgId,
          customerId: d.customerId,
          currency: d.currency,
          [column]: d.id,
          issuedAt: d.issuedAt,
          tokenSha256: portalTokenSha256(portalToken(id, key)),
        };
      }),
      skipDuplicates: true,
    });
  }
  const rows = missing.length ? await find() : existing;
  return new Map(rows.map((r) => [r[column] as string, portalUrl(portalToken(r.id))]));
}
