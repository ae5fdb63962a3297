import { db as appDb, type Db } from "@/lib/db/client";
import { transientDbError } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { clockNow } from "@/lib/time/dates";
import { checkMailgunSignature, readMailgun } from "./providers/mailgun";
import { checkPostmarkAuth, readPostmark } from "./providers/postmark";
import { MAX_MESSAGE_BYTES, type ReceiveResult, receiveInboundMessage } from "./receive-message";

// The providers' inbound webhooks (app/api/inbound/postmark, app/api/inbound/mailgun/mime).
// No session: each provider authenticates as it documents (Postmark: basic credentials in
// the URL; Mailgun: an HMAC signature in the form). The body is read up to a cap before
// anything parses it. A refusal that a retry cannot change gets the status that stops the
// provider's retries (Postmark 403, Mailgun 406); a failure on our side gets 500, so the
// provider tries again later.

export type InboundProvider = "postmark" | "mailgun";

/** Base64 in JSON (Postmark) or a form's multipart overhead (Mailgun) on top of the message cap. */
export const MAX_WEBHOOK_BYTES = Math.ceil(MAX_MESSAGE_BYTES * 1.4) + 256 * 1024;
const GIVE_UP: Record<InboundProvider, number> = { postmark: 403, mailgun: 406 };
/** Refusals a retry cannot change (bad credentials are answered 401: the provider may be mid-rotation). */
const FINAL = new Set(["UNAUTHENTICATED", "INVALID_INPUT", "TOO_LARGE", "NOT_FOUND"]);

async function readCapped(request: Request, cap: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > cap) throw new AppError("TOO_LARGE", `The request is larger than ${cap} bytes.`);
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", `The request is larger than ${cap} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function receiveWebhook(
  db: Db,
  provider: InboundProvider,
  request: Request,
  opts: {
    env: Record<string, string | undefined>;
    /** The app's clock (frozen in demos): the message's received-at. */
    now: Date;
    /** The wall clock: a signature's age is real time, whatever the app's clock says. */
    wallNow: Date;
  },
): Promise<ReceiveResult> {
  if (provider === "postmark") {
    // Credentials first: an unauthenticated body is never read past its headers.
    checkPostmarkAuth(request.headers.get("authorization"), opts.env.INBOUND_WEBHOOK_SECRET);
    const body = await readCapped(request, MAX_WEBHOOK_BYTES);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(body));
    } catch {
      throw new AppError("INVALID_INPUT", "The body is not JSON.");
    }
    const { raw, envelopeTo } = readPostmark(json);
    return receiveInboundMessage(db, { raw, envelopeTo, source: "postmark", receivedAt: opts.now });
  }
  const body = await readCapped(request, MAX_WEBHOOK_BYTES);
  const type = request.headers.get("content-type") ?? "";
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not a form.");
  }
  const { raw, envelopeTo, auth } = await readMailgun(form).catch((error) => {
    // A post without body-mime is still checked for its signature first: only Mailgun learns why.
    const t = (n: string) => String(form.get(n) ?? "");
    checkMailgunSignature(
      { timestamp: t("timestamp"), token: t("token"), signature: t("signature") },
      opts.env.MAILGUN_SIGNING_KEY,
      opts.now,
    );
    throw error;
  });
  checkMailgunSignature(auth, opts.env.MAILGUN_SIGNING_KEY, opts.wallNow);
  return receiveInboundMessage(db, { raw, envelopeTo, source: "mailgun", receivedAt: opts.now });
}

/** The route handler: JSON answers with the status each provider understands. */
export function inboundWebhookRoute(
  provider: InboundProvider,
  deps: { db: () => Db; env: Record<string, string | undefined> } = { db: appDb, env: process.env },
) {
  return async function POST(request: Request): Promise<Response> {
    try {
      const result = await receiveWebhook(deps.db(), provider, request, {
        env: deps.env,
        now: clockNow(),
        wallNow: new Date(),
      });
      return Response.json({ status: result.status, id: result.messageId });
    } catch (caught) {
      const error = transientDbError(caught) ?? caught;
      if (error instanceof AppError && FINAL.has(error.code)) {
        const status = error.code === "UNAUTHENTICATED" ? 401 : GIVE_UP[provider];
        return Response.json({ code: error.code, message: error.message }, { status });
      }
      console.error("Inbound webhook failed", error);
      return Response.json({ code: "INTERNAL", message: "Not stored; try again later." }, { status: 500 });
    }
  };
}
