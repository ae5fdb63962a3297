// The MIME structure of a raw message as a tree of content types, read from the source as
// it arrived at the SMTP listener (mailparser flattens it): enough to check that an email
// is multipart/mixed around multipart/alternative, and where the PDF sits.

export interface MimePart {
  type: string;
  filename: string | null;
  headers: string;
  body: string;
  parts: MimePart[];
  /** The body decoded (quoted-printable or base64) as UTF-8: the text as it was sent. */
  text: string;
}

function decode(headers: string, body: string): string {
  const encoding = header(headers, "Content-Transfer-Encoding").trim().toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = Buffer.from(body.replace(/=\r?\n/g, ""), "latin1").toString("latin1");
    return Buffer.from(
      bytes.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16))),
      "latin1",
    ).toString("utf8");
  }
  return Buffer.from(body, "latin1").toString("utf8");
}

function header(headers: string, name: string): string {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(unfolded)?.[1] ?? "";
}

export function mimeTree(source: string): MimePart {
  const split = source.search(/\r?\n\r?\n/);
  const headers = source.slice(0, split);
  const body = source.slice(split).replace(/^\r?\n\r?\n/, "");
  const contentType = header(headers, "Content-Type");
  const type = (contentType.split(";")[0] || "text/plain").trim().toLowerCase();
  const filename = /filename="?([^";]+)"?/i.exec(header(headers, "Content-Disposition") || contentType)?.[1] ?? null;
  const part: MimePart = { type, filename, headers, body, parts: [], text: "" };
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return part;
    part.text = "";
    const pieces = body.split(`--${boundary}`);
    // pieces[0] is the preamble; the piece after the closing "--boundary--" starts with "--".
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith("--")) break;
      part.parts.push(mimeTree(piece.replace(/^\r?\n/, "")));
    }
  } else part.text = decode(headers, body);
  return part;
}

/** The first part of a type, depth first. */
export function findPart(part: MimePart, type: string): MimePart | null {
  if (part.type === type) return part;
  for (const p of part.parts) {
    const found = findPart(p, type);
    if (found) return found;
  }
  return null;
}

/** "multipart/mixed(multipart/alternative(text/plain,multipart/related(text/html,image/png)),application/pdf)". */
export function mimeShape(part: MimePart): string {
  return part.parts.length ? `${part.type}(${part.parts.map(mimeShape).join(",")})` : part.type;
}
