import { runInSandbox } from "./run-in-sandbox";

// An email from outside read off the event loop (sandbox-worker.mjs, mailparser): a
// message built to be expensive (deep nesting, a huge HTML part) costs a sandbox thread
// its time or memory budget and is refused, never the server's event loop.

export interface ParsedAddress {
  address: string;
  name: string;
}

export interface ParsedMail {
  messageId: string;
  inReplyTo: string;
  /** ISO instant of the Date header, if it had one. */
  date: string | null;
  subject: string;
  from: ParsedAddress | null;
  /** To and Cc, addresses lower-cased. */
  to: ParsedAddress[];
  deliveredTo: string[];
  /** The plain text (or the HTML's words), cut at maxTextChars. */
  text: string;
  headers: { autoSubmitted: string; xAutoreply: string; precedence: string; xAutoResponseSuppress: string };
  attachments: { filename: string; contentType: string; content: Uint8Array }[];
}

/** Parses RFC 5322 bytes; throws AppError INVALID_INPUT (unreadable) or TOO_LARGE (over the thread's budget). */
export function parseMail(bytes: Uint8Array, opts: { maxTextChars: number }): Promise<ParsedMail> {
  return runInSandbox<ParsedMail>("parseMail", { bytes, maxTextChars: opts.maxTextChars }, { what: "The email" });
}
