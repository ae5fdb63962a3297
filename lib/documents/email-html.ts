import type { Language } from "@/lib/generated/prisma/enums";
import type { Letterhead } from "./letterhead";
import { PORTAL_CAPTION } from "./portal-block";

// The HTML part of a letter's or statement's email: the short message on the company's
// letterhead (logo, name, the accent colour from Settings → Email, address in the footer),
// the customer's page as a button, and a line naming the attached PDF. Email clients are
// not browsers: tables for layout, inline styles only, no <style>, no script, no web fonts,
// no external resource of any kind (the logo travels as a CID attachment). Every value is
// escaped; the only address in an href is the customer's page, our own http(s) link.

const WORDS: Record<Language, { button: string; attached: string }> = {
  en: { button: "Open your account", attached: "Attached" },
  it: { button: "Apri la Vostra posizione", attached: "In allegato" },
  nb: { button: "Åpne kontoen deres", attached: "Vedlegg" },
};

const INK = "#0f172a";
const MUTED = "#475569";
const FONT = "font-family:Arial,Helvetica,sans-serif;";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const paragraph = (text: string) => escapeHtml(text).replace(/\n/g, "<br>");

/** White text on a dark accent, ink on a light one (WCAG relative luminance). */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? INK : "#ffffff";
}

export interface EmailHtmlInput {
  language: Language;
  subject: string;
  /** The plain message (paragraphs separated by blank lines; the last is the sign-off). */
  text: string;
  portalUrl: string | null;
  letterhead: Pick<Letterhead, "name" | "addressLines" | "phone" | "email" | "website">;
  /** The logo's Content-ID when the letterhead has one. */
  logoCid: string | null;
  accentColor: string;
  attachmentName: string;
}

const row = (content: string, padding = "8px 28px") => `<tr><td style="padding:${padding};">${content}</td></tr>`;

export function emailHtml(input: EmailHtmlInput): string {
  const words = WORDS[input.language] ?? WORDS.en;
  const accent = /^#[0-9a-fA-F]{6}$/.test(input.accentColor) ? input.accentColor : INK;
  const head = input.letterhead;
  const body = `${FONT}font-size:15px;line-height:1.5;color:${INK};margin:0;`;
  const paragraphs = input.text.split("\n\n");
  const signOff = paragraphs.length > 1 ? paragraphs.pop() : null;
  const url = input.portalUrl && /^https?:\/\//.test(input.portalUrl) ? input.portalUrl : null;

  const logo = input.logoCid
    ? `<img src="cid:${escapeHtml(input.logoCid)}" alt="${escapeHtml(head.name)}" height="48" style="display:block;height:48px;width:auto;max-width:240px;border:0;">`
    : `<p style="${FONT}font-size:20px;font-weight:bold;color:${INK};margin:0;">${escapeHtml(head.name)}</p>`;

  const portal = url
    ? row(
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f8fafc;border:1px solid #e2e8f0;border-left:4px solid ${accent};">` +
          `<tr><td style="padding:16px;">` +
          `<p style="${body}margin-bottom:12px;">${paragraph(PORTAL_CAPTION[input.language])}</p>` +
          `<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr><td bgcolor="${accent}" style="background:${accent};border-radius:6px;">` +
          `<a href="${escapeHtml(url)}" style="display:inline-block;padding:12px 22px;${FONT}font-size:16px;font-weight:bold;color:${textOn(accent)};text-decoration:none;border-radius:6px;">${escapeHtml(words.button)}</a>` +
          `</td></tr></table>` +
          `<p style="${FONT}font-size:12px;line-height:1.4;color:${MUTED};margin:12px 0 0;word-break:break-all;"><a href="${escapeHtml(url)}" style="color:${MUTED};">${escapeHtml(url)}</a></p>` +
          `</td></tr></table>`,
        "12px 28px",
      )
    : "";

  const contact = [head.phone, head.email, head.website].filter(Boolean).map(escapeHtml).join(" · ");
  const footer = [head.addressLines.filter(Boolean).map(escapeHtml).join(" · "), contact].filter(Boolean);

  return [
    "<!DOCTYPE html>",
    `<html lang="${input.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(input.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f1f5f9;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f1f5f9;"><tr><td align="center" style="padding:24px 8px;">`,
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border-top:4px solid ${accent};">`,
    row(logo, "24px 28px 16px"),
    ...paragraphs.map((p) => row(`<p style="${body}">${paragraph(p)}</p>`)),
    portal,
    row(
      `<p style="${FONT}font-size:13px;color:${MUTED};margin:0;">${escapeHtml(words.attached)}: ${escapeHtml(input.attachmentName)}</p>`,
    ),
    signOff ? row(`<p style="${body}">${paragraph(signOff)}</p>`, "8px 28px 24px") : "",
    row(
      `<p style="${FONT}font-size:12px;line-height:1.5;color:${MUTED};margin:0;"><strong style="color:${INK};">${escapeHtml(head.name)}</strong><br>${footer.join("<br>")}</p>`,
      "16px 28px 24px;border-top:1px solid #e2e8f0",
    ),
    "</table></td></tr></table></body></html>",
  ].join("\n");
}
