import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type ImageCaps, inspectImage } from "@/lib/sandbox/inspect-files";
import type { LetterheadSource } from "./letterhead";

// The letterhead settings: name, address, phone, email and payment instructions
// of the organization, and its logo. Logos are stored content-addressed and
// never changed, so letters sent earlier keep the logo they were sent with.

export const MAX_LOGO_BYTES = 512 * 1024;
/**
 * A logo's largest pixel size. A letterhead logo is printed at most 60 mm wide, where 700
 * pixels are already 300 dpi; a 2000 x 2000 PNG (16 KB on disk, 16 MB decoded) made every
 * letter PDF five times slower (issue 22).
 */
export const LOGO_CAPS: ImageCaps = { maxWidth: 1200, maxHeight: 1200 };

/** The letterhead's editable text fields (the logo is handled on its own). */
export type LetterheadFields = Omit<LetterheadSource, "logoSha256"> & { registrationNumber: string; vatNumber: string };

/**
 * The logo's type from its first bytes, never from the file name or the
 * browser's claim. PNG and JPEG only: an SVG can carry script and external
 * references, and the PDF engine cannot draw it anyway.
 */
export function sniffLogo(bytes: Uint8Array): { contentType: "image/png" | "image/jpeg" } | { error: string } {
  if (!bytes.length) return { error: "The logo file is empty." };
  if (bytes.length > MAX_LOGO_BYTES)
    return { error: `The logo is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${MAX_LOGO_BYTES / 1024} KB.` };
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => bytes[i] === b)) return { contentType: "image/png" };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { contentType: "image/jpeg" };
  return { error: "The logo must be a PNG or JPEG image (SVG and other types are not accepted)." };
}

export async function updateLetterhead(
  db: Db,
  opts: { orgId: string; actor: Actor; fields: LetterheadFields; logo?: Uint8Array | null; removeLogo?: boolean },
): Promise<{ logoSha256: string | null }> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change the letterhead.");
  let logo: { sha256: string; contentType: string; bytes: Uint8Array } | null = null;
  if (opts.logo?.length) {
    const sniffed = sniffLogo(opts.logo);
    if ("error" in sniffed) throw new AppError("INVALID_INPUT", sniffed.error, { logo: [sniffed.error] });
    // Decoded in the sandbox, off the event loop, with the pixel caps.
    await inspectImage(opts.logo, LOGO_CAPS).catch((error: unknown) => {
      if (error instanceof AppError) throw new AppError(error.code, error.message, { logo: [error.message] });
      throw error;
    });
    logo = {
      sha256: createHash("sha256").update(opts.logo).digest("hex"),
      contentType: sniffed.contentType,
      bytes: opts.logo,
    };
  }
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
    if (logo) {
      await tx.orgLogo.createMany({
        data: [
          { orgId: opts.orgId, sha256: logo.sha256, contentType: logo.contentType, bytes: Buffer.from(logo.bytes) },
        ],
        skipDuplicates: true, // same picture, same row
      });
    }
    const logoSha256 = logo ? logo.sha256 : opts.removeLogo ? null : before.logoSha256;
    await tx.organization.update({ where: { id: opts.orgId }, data: { ...opts.fields, logoSha256 } });
    const changed = (Object.keys(opts.fields) as (keyof LetterheadFields)[]).filter(
      (k) => before[k] !== opts.fields[k],
    );
    if (logoSha256 !== before.logoSha256) changed.push("logo" as never);
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "letterhead.updated", payload: { fields: changed, logoSha256 } },
    );
    return { logoSha256 };
  });
}
