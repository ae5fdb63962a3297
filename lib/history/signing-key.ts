import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The chain's anchor outside the database: an Ed25519 key the app holds (a
// file beside the data, or a secret in the environment) and the database
// owner does not. A signed checkpoint of the head cannot be re-made after the
// history is rewritten without this key. Every app server and worker must use
// the same key (HISTORY_SIGNING_KEY, or the same file).

export const DEFAULT_KEY_FILE = ".data/history-signing-key";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as PEM (SPKI), for docs/operations.md and the verify page. */
  publicKeyPem: string;
  /** First 16 hex digits of the SHA-256 of the public key (DER). */
  keyId: string;
}

function keyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("The history signing key must be an Ed25519 key.");
  const publicKey = createPublicKey(privateKey);
  const der = publicKey.export({ type: "spki", format: "der" });
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    keyId: createHash("sha256").update(der).digest("hex").slice(0, 16),
  };
}

/** Reads the key file, making a new key (0600) the first time. Two processes racing both end up with the first one's key. */
function fromFile(file: string): SigningKey {
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync("ed25519");
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  return keyFromPem(readFileSync(file, "utf8"));
}

const cache = globalThis as unknown as { dunningHistoryKey?: { source: string; key: SigningKey } };

/** HISTORY_SIGNING_KEY (a PKCS#8 PEM) when set, else the file HISTORY_SIGNING_KEY_FILE (default .data/history-signing-key). */
export function historySigningKey(): SigningKey {
  const secret = process.env.HISTORY_SIGNING_KEY?.trim();
  const file = path.resolve(process.env.HISTORY_SIGNING_KEY_FILE ?? DEFAULT_KEY_FILE);
  const source = secret ? `env:${secret.length}:${secret.slice(-16)}` : `file:${file}`;
  if (cache.dunningHistoryKey?.source !== source) {
    cache.dunningHistoryKey = { source, key: secret ? keyFromPem(secret.replace(/\\n/g, "\n")) : fromFile(file) };
  }
  return cache.dunningHistoryKey.key;
}

export interface CheckpointFields {
  orgId: string;
  seq: bigint;
  headHash: string;
  signedAt: Date;
}

/** The exact bytes that are signed. */
export function checkpointMessage(c: CheckpointFields): Buffer {
  return Buffer.from(
    `dunning-desk history checkpoint v1\norg ${c.orgId}\nseq ${c.seq}\nhead ${c.headHash}\nsigned ${c.signedAt.toISOString()}\n`,
  );
}

export function signCheckpoint(c: CheckpointFields, key: SigningKey = historySigningKey()): string {
  return sign(null, checkpointMessage(c), key.privateKey).toString("base64");
}

export function checkpointSignatureValid(
  c: CheckpointFields & { signature: string },
  publicKey: KeyObject = historySigningKey().publicKey,
): boolean {
  try {
    return verify(null, checkpointMessage(c), publicKey, Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}
