import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { SmtpServer } from "./mail-transport";
import { seal, unseal } from "./secret-box";

// Settings → Email: the organization's own SMTP server and sender. The password goes in
// and never comes out again: pages read `emailSettingsView` (it says "set" or not), only
// the delivery worker and the test email open it (`emailServerOf`), and audit events name
// what happened to it ("replaced"), never the value.

const text = (max: number, message: string) =>
  z.string({ message }).trim().max(max, `Keep it under ${max} characters.`);

const LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
const HOST_NAME = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/** A DNS name with at least one letter (so "0000-00-00" is no host), or a dotted IPv4 address. */
function isHost(v: string): boolean {
  const ipv4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v);
  if (ipv4) return ipv4.slice(1).every((octet) => Number(octet) <= 255);
  return HOST_NAME.test(v) && /[A-Za-z]/.test(v);
}

// Header injection: a name or address with a line break could add headers to every message.
const oneLine = (v: string) => !/[\r\n]/.test(v);

export const emailSettingsSchema = z.object({
  host: text(253, "The SMTP server is missing.")
    .min(1, "The SMTP server's name, e.g. smtp.example.com.")
    .refine(isHost, "A host name or IPv4 address, without smtp:// or a port."),
  // The form's text only: a JSON `true` must not become port 1.
  port: z
    .string({ message: "A port number, e.g. 587." })
    .trim()
    .regex(/^\d{1,5}$/, "A whole number, e.g. 587.")
    .transform(Number)
    .pipe(z.number().min(1, "Ports run from 1 to 65535.").max(65535, "Ports run from 1 to 65535.")),
  security: z.enum(["tls", "starttls", "none"], { message: "Choose how the connection is secured." }),
  user: text(320, "The user name is missing.").refine(oneLine, "One line only."),
  /** Empty: keep the stored password. */
  password: z.string({ message: "The password field is missing." }).max(1000, "Keep it under 1000 characters."),
  removePassword: z.literal("on").optional(),
  fromName: text(200, "The sender's name is missing.")
    .min(1, "The name customers see as the sender, e.g. your company's.")
    .refine(oneLine, "One line only."),
  fromAddress: z.email("A valid email address, e.g. accounts@example.com.").max(320),
  accentColor: z
    .string({ message: "A colour as #rrggbb, e.g. #1e3a8a." })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "A colour as #rrggbb, e.g. #1e3a8a.")
    .transform((v) => v.toLowerCase()),
});

export type EmailSettingsInput = z.infer<typeof emailSettingsSchema>;

/** What a page may show: everything but the password, which is only "set" or not. */
export interface EmailSettingsView {
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  user: string;
  passwordSet: boolean;
  fromName: string;
  fromAddress: string;
  accentColor: string;
  updatedAt: Date;
}

const SECURITIES = ["tls", "starttls", "none"] as const;
const securityOf = (v: string): SmtpServer["security"] =>
  (SECURITIES as readonly string[]).includes(v) ? (v as SmtpServer["security"]) : "starttls";

export async function emailSettingsView(db: DbOrTx, orgId: string): Promise<EmailSettingsView | null> {
  const row = await db.orgEmailSettings.findUnique({ where: { orgId } });
  if (!row) return null;
  return {
    host: row.smtpHost,
    port: row.smtpPort,
    security: securityOf(row.smtpSecurity),
    user: row.smtpUser,
    passwordSet: row.smtpPasswordSealed !== null,
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    accentColor: row.accentColor,
    updatedAt: row.updatedAt,
  };
}

/** The server and sender to send through, the password opened; null when the organization has none set. */
export async function emailServerOf(
  db: DbOrTx,
  orgId: string,
): Promise<{ server: SmtpServer; from: string; accentColor: string } | null> {
  const row = await db.orgEmailSettings.findUnique({ where: { orgId } });
  if (!row) return null;
  return {
    server: {
      host: row.smtpHost,
      port: row.smtpPort,
      security: securityOf(row.smtpSecurity),
      user: row.smtpUser,
      password: row.smtpPasswordSealed === null ? null : unseal(row.smtpPasswordSealed, orgId),
    },
    from: `"${row.fromName.replace(/["\\]/g, "")}" <${row.fromAddress}>`,
    accentColor: row.accentColor,
  };
}

function assertAdmin(actor: Actor) {
  if (actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change the email settings.");
}

/** Saves the settings and their audit event in one transaction; the password is sealed before it reaches the database. */
export async function saveEmailSettings(
  db: Db,
  opts: { orgId: string; actor: Actor; input: EmailSettingsInput },
): Promise<{ password: "set" | "replaced" | "kept" | "removed" | "none" }> {
  assertAdmin(opts.actor);
  const { password, removePassword, ...fields } = opts.input;
  // Sealed outside the transaction: a missing key refuses before anything is written.
  const sealed = password && !removePassword ? seal(password, opts.orgId) : null;
  return db.$transaction(async (tx) => {
    const before = await tx.orgEmailSettings.findUnique({ where: { orgId: opts.orgId } });
    const had = before?.smtpPasswordSealed != null;
    const next = removePassword ? null : (sealed ?? before?.smtpPasswordSealed ?? null);
    const passwordChange = removePassword
      ? had
        ? "removed"
        : "none"
      : sealed
        ? had
          ? "replaced"
          : "set"
        : had
          ? "kept"
          : "none";
    const data = {
      smtpHost: fields.host,
      smtpPort: fields.port,
      smtpSecurity: fields.security,
      smtpUser: fields.user,
      smtpPasswordSealed: next,
      fromName: fields.fromName,
      fromAddress: fields.fromAddress,
      accentColor: fields.accentColor,
      updatedById: opts.actor.userId,
      updatedAt: new Date(),
    };
    await tx.orgEmailSettings.upsert({
      where: { orgId: opts.orgId },
      create: { orgId: opts.orgId, ...data },
      update: data,
    });
    const changed = (
      [
        ["host", before?.smtpHost, fields.host],
        ["port", before?.smtpPort, fields.port],
        ["security", before?.smtpSecurity, fields.security],
        ["user", before?.smtpUser, fields.user],
        ["fromName", before?.fromName, fields.fromName],
        ["fromAddress", before?.fromAddress, fields.fromAddress],
        ["accentColor", before?.accentColor, fields.accentColor],
      ] as const
    )
      .filter(([, was, now]) => was !== now)
      .map(([name]) => name);
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "email_settings.saved",
        payload: {
          fields: changed,
          password: passwordChange,
          host: fields.host,
          port: fields.port,
          security: fields.security,
        },
      },
    );
    return { password: passwordChange };
  });
}

/** Removes the settings: email goes through SMTP_URL (or the outbox) again. */
export async function removeEmailSettings(db: Db, opts: { orgId: string; actor: Actor }): Promise<void> {
  assertAdmin(opts.actor);
  await db.$transaction(async (tx) => {
    const before = await tx.orgEmailSettings.findUnique({ where: { orgId: opts.orgId } });
    if (!before) throw new AppError("NOT_FOUND", "There are no email settings to remove.");
    await tx.orgEmailSettings.delete({ where: { orgId: opts.orgId } });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "email_settings.removed", payload: { host: before.smtpHost } },
    );
  });
}
