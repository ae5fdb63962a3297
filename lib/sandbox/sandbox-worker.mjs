// The sandbox's worker thread (plain JavaScript, so it runs under `next start`, the job
// worker and vitest alike without a TypeScript loader). It only reads untrusted bytes and
// answers: every task is pure, and the pool (run-in-sandbox.ts) kills this thread when a
// task overruns its time or memory budget. A task refuses a file by throwing
// { refusal: "message a person can act on" }.
import { parentPort } from "node:worker_threads";
import { simpleParser } from "mailparser";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from "pdf-lib";

const refuse = (refusal) => {
  throw { refusal };
};

/** `%PDF-1.x` or `%PDF-2.0` as the very first bytes (after a BOM or blank space at most): an HTML page quoting "%PDF-" is not a PDF. */
function startsAsPdf(bytes) {
  let i = 0;
  while (
    i < 16 &&
    (bytes[i] === 0x20 ||
      bytes[i] === 0x0a ||
      bytes[i] === 0x0d ||
      bytes[i] === 0x09 ||
      bytes[i] === 0xef ||
      bytes[i] === 0xbb ||
      bytes[i] === 0xbf)
  )
    i++;
  const head = Buffer.from(bytes.subarray(i, i + 8)).toString("latin1");
  return /^%PDF-[12]\.\d/.test(head);
}

/**
 * Walks the page tree itself (pdf-lib's walk follows every reference, so a tree that names
 * one page 80,000 times gives 80,000 pages to copy). Each node may be reached once: a
 * repeated or cyclic reference is refused, and so is a tree larger than the caps.
 */
function countPages(doc, maxPages) {
  const ctx = doc.context;
  const root = doc.catalog.get(PDFName.of("Pages"));
  if (!(root instanceof PDFRef)) refuse("The PDF has no page tree.");
  const seen = new Set();
  const stack = [root];
  let pages = 0;
  let nodes = 0;
  while (stack.length) {
    const ref = stack.pop();
    if (!(ref instanceof PDFRef)) refuse("The PDF's page tree is malformed.");
    const key = ref.toString();
    if (seen.has(key)) refuse("The PDF's page tree names the same page more than once (a page bomb).");
    seen.add(key);
    if (++nodes > maxPages * 4 + 16) refuse(`The PDF's page tree is larger than a ${maxPages}-page document needs.`);
    const node = ctx.lookup(ref);
    if (!(node instanceof PDFDict)) refuse("The PDF's page tree is malformed.");
    const kids = node.get(PDFName.of("Kids"));
    const type = node.get(PDFName.of("Type"));
    if (type === PDFName.of("Page") || !kids) {
      if (++pages > maxPages)
        refuse(`The PDF has more than ${maxPages} pages; an invoice copy may have at most ${maxPages}.`);
      continue;
    }
    const list = kids instanceof PDFRef ? ctx.lookup(kids) : kids;
    if (!(list instanceof PDFArray)) refuse("The PDF's page tree is malformed.");
    for (let i = list.size() - 1; i >= 0; i--) stack.push(list.get(i));
  }
  if (pages === 0) refuse("The PDF has no pages.");
  return pages;
}

/** PNG (IHDR) or JPEG (SOFn) pixel size from the header, or null. */
function imageSize(bytes) {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b))
    return { type: "png", width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1];
      const length = view.getUint16(i + 2);
      const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
      if (isFrame) return { type: "jpeg", width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      i += 2 + length;
    }
  }
  return null;
}

/** An HTML-only message's words, for the history (the raw message keeps the HTML). */
function htmlToText(html) {
  return html
    .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/[ \t]+/g, " ")
    .replace(/\n\s*\n+/g, "\n\n")
    .trim();
}

const tasks = {
  async inspectPdf({ bytes, maxPages, maxObjects }) {
    if (!startsAsPdf(bytes)) refuse("That file is not a PDF: it does not begin with a PDF header.");
    let doc;
    try {
      doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    } catch {
      refuse("That PDF cannot be read.");
    }
    const objects = doc.context.enumerateIndirectObjects().length;
    if (objects > maxObjects) refuse(`The PDF has ${objects} objects; an invoice copy may have at most ${maxObjects}.`);
    return { pages: countPages(doc, maxPages), objects };
  },

  async inspectImage({ bytes, maxWidth, maxHeight }) {
    const size = imageSize(bytes);
    if (!size) refuse("The image's size cannot be read: upload a PNG or JPEG.");
    if (size.width < 1 || size.height < 1) refuse("The image has no pixels.");
    if (size.width > maxWidth || size.height > maxHeight)
      refuse(
        `The image is ${size.width} × ${size.height} pixels; the limit is ${maxWidth} × ${maxHeight}. Scale it down (a logo 60 mm wide prints sharp at 700 pixels).`,
      );
    // Decode it once here, so a file that only looks like an image never reaches a letter.
    const doc = await PDFDocument.create();
    try {
      if (size.type === "png") await doc.embedPng(bytes);
      else await doc.embedJpg(bytes);
    } catch {
      refuse("The image cannot be decoded.");
    }
    return size;
  },

  /**
   * An email as received (RFC 5322 bytes) read into plain fields: a message of many
   * nested parts, or one that expands into huge text, costs this thread, not the server.
   */
  async parseMail({ bytes, maxTextChars }) {
    let mail;
    try {
      mail = await simpleParser(Buffer.from(bytes), {
        skipImageLinks: true,
        skipTextToHtml: true,
        maxHtmlLengthToParse: 2_000_000,
      });
    } catch {
      refuse("That message cannot be read as an email.");
    }
    const addresses = (field) =>
      (Array.isArray(field) ? field : field ? [field] : [])
        .flatMap((a) => a.value ?? [])
        .map((v) => ({
          address: String(v.address ?? "").toLowerCase(),
          name: String(v.name ?? ""),
        }));
    const header = (name) => {
      const value = mail.headers.get(name);
      if (value === undefined || value === null) return "";
      if (typeof value === "string") return value;
      return String(value.value ?? value.text ?? value);
    };
    const text = mail.text || (mail.html ? htmlToText(mail.html) : "");
    return {
      messageId: mail.messageId ?? "",
      inReplyTo: mail.inReplyTo ?? "",
      date: mail.date ? mail.date.toISOString() : null,
      subject: mail.subject ?? "",
      from: addresses(mail.from)[0] ?? null,
      to: [...addresses(mail.to), ...addresses(mail.cc)],
      deliveredTo: header("delivered-to") ? [header("delivered-to").toLowerCase()] : [],
      text: text.slice(0, maxTextChars),
      headers: {
        autoSubmitted: header("auto-submitted"),
        xAutoreply: header("x-autoreply") || header("x-autorespond"),
        precedence: header("precedence"),
        xAutoResponseSuppress: header("x-auto-response-suppress"),
      },
      attachments: mail.attachments.map((a) => ({
        filename: a.filename ?? "",
        contentType: a.contentType ?? "application/octet-stream",
        content: new Uint8Array(a.content),
      })),
    };
  },

  /** For the pool's own tests: spins (or allocates) until the pool stops it. */
  async spin({ allocate }) {
    const hold = [];
    for (;;) if (allocate) hold.push(new Array(1_000_000).fill(hold.length));
  },
};

// Loaded (pdf-lib imported): the pool starts a task's clock only from here, so a slow
// start on a busy machine never counts against a file.
parentPort.postMessage({ ready: true });

parentPort.on("message", async ({ id, task, payload }) => {
  try {
    const run = tasks[task];
    if (!run) throw new Error(`Unknown sandbox task ${task}`);
    parentPort.postMessage({ id, ok: true, result: await run(payload) });
  } catch (error) {
    parentPort.postMessage({
      id,
      ok: false,
      refusal: error?.refusal ?? null,
      message: String(error?.message ?? error),
    });
  }
});
