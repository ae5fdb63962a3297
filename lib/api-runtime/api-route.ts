import { clientIpFrom } from "@/lib/auth/request-ip";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { clockNow } from "@/lib/time/dates";
import { assertScope, authenticateToken } from "./authenticate-token";
import type { AnyApiOperation, ApiContext, RawBody } from "./define-operation";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, requestHash } from "./idempotency";
import { fieldErrorsOf, problemFromThrown, problemResponse } from "./problem";
import { countRequest } from "./rate-limit";

/** A request body larger than this is refused before it is parsed (1 MB holds thousands of invoice fields). */
export const MAX_BODY_BYTES = 1024 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The route handler for one operation: the bearer token (401), its scope
 * (403), the rate limit (429), the path, query and JSON body parsed with the
 * operation's zod schemas (400 with every field's error), the Idempotency-Key
 * where the operation takes one, then `run`. Every refusal is RFC 9457
 * problem+json and comes before anything is written.
 */
export function apiRoute(op: AnyApiOperation) {
  return async function handler(request: Request, context: { params: Promise<Record<string, string>> }) {
    try {
      const ip = clientIpFrom(request.headers);
      const database = db();
      const caller = await authenticateToken(database, request.headers.get("authorization"), ip);
      assertScope(caller, op.scope);
      await countRequest(database, caller.tokenId);
      const url = new URL(request.url);
      const params = parsePart(op.params, await context.params);
      const query = parsePart(op.query, Object.fromEntries(url.searchParams));
      const raw = op.body ? await readBody(request) : "";
      const body = op.body ? parsePart(op.body, parseJson(raw)) : undefined;
      const file = op.rawBody ? await readRawBody(request, op.rawBody) : undefined;
      const ctx: ApiContext = { ...caller, db: database, ip, now: clockNow() };
      const input = { params, query, body, raw: file };
      const key = request.headers.get("idempotency-key") ?? "";
      if (!op.idempotencyKey || (op.idempotencyKey === "optional" && !key)) return answer(op, await op.run(ctx, input));

      if (!IDEMPOTENCY_KEY.test(key))
        throw new AppError(
          "INVALID_INPUT",
          "Send an Idempotency-Key header (1 to 255 visible characters, e.g. a UUID).",
          {
            "Idempotency-Key": ["1 to 255 visible characters: a key unique to this request, the same on every retry."],
          },
        );
      const operation = `${op.method} ${op.path}`;
      const claim = await claimIdempotencyKey(database, {
        orgId: caller.orgId,
        key,
        operation,
        requestHash: requestHash(raw),
      });
      if ("replay" in claim)
        return Response.json(claim.replay.body, {
          status: claim.replay.status,
          headers: { "Idempotent-Replayed": "true" },
        });
      let result: { status?: number; body: unknown };
      try {
        const ran = await op.run(ctx, input);
        if (ran instanceof Response) throw new Error("An idempotent operation answers JSON.");
        result = ran;
      } catch (error) {
        await releaseIdempotencyKey(database, claim.claimed);
        throw error;
      }
      const status = result.status ?? firstStatus(op);
      await completeIdempotencyKey(database, claim.claimed, { status, body: result.body });
      return Response.json(result.body, { status });
    } catch (error) {
      const retryAfter = (error as { retryAfter?: number }).retryAfter;
      if (error instanceof AppError && retryAfter) return problemResponse(error, { "Retry-After": String(retryAfter) });
      return problemFromThrown(error);
    }
  };
}

const firstStatus = (op: AnyApiOperation) => Number(Object.keys(op.responses)[0]);

function answer(op: AnyApiOperation, result: Awaited<ReturnType<AnyApiOperation["run"]>>): Response {
  if (result instanceof Response) return result;
  return Response.json(result.body, {
    status: result.status ?? firstStatus(op),
    headers: { "Cache-Control": "no-store", ...result.headers },
  });
}

function parsePart(schema: AnyApiOperation["params"], value: unknown) {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

async function readBody(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type))
    throw new AppError("INVALID_INPUT", 'Send the body as JSON with "Content-Type: application/json".');
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    throw new AppError("TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("TOO_LARGE", `The body is larger than ${MAX_BODY_BYTES / 1024} KB.`);
  if (text.includes("\u0000")) throw new AppError("INVALID_INPUT", "The body contains a NUL character; remove it.");
  return text;
}

/** A file sent as the body: one of the declared media types, refused with 413 above the cap before it is stored. */
async function readRawBody(request: Request, spec: RawBody): Promise<{ bytes: Buffer; contentType: string }> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!spec.contentTypes.includes(contentType))
    throw new AppError(
      "INVALID_INPUT",
      `Send the file with one of these Content-Types: ${spec.contentTypes.join(", ")}.`,
    );
  const tooLarge = () =>
    new AppError("TOO_LARGE", `The file is larger than ${spec.maxBytes / 1024 / 1024} MB; send one file per day.`);
  if (Number(request.headers.get("content-length") ?? 0) > spec.maxBytes) throw tooLarge();
  // Read chunk by chunk so a body without (or lying about) Content-Length stops at the cap.
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body)
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > spec.maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  return { bytes: Buffer.concat(chunks), contentType };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The body is not valid JSON.");
  }
}
