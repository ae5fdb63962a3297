import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { ApiCaller } from "./authenticate-token";
import type { ApiScope } from "./scopes";

/** What an operation's `run` gets: the caller (its organization, token and actor), the database, the time. */
export interface ApiContext extends ApiCaller {
  db: Db;
  ip: string;
  now: Date;
}

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** The body as sent, for an operation with `rawBody` (a file: XML, CSV). */
  raw?: { bytes: Buffer; contentType: string };
}

/** A body taken as the bytes sent (a file), not JSON: the media types it may be, and the cap (413 above it). */
export interface RawBody {
  contentTypes: string[];
  maxBytes: number;
  description: string;
}

/** A success: the status (the operation's first listed one unless said) and the JSON body, or a ready Response (a PDF). */
export type ApiAnswer = { status?: number; body: unknown; headers?: Record<string, string> } | Response;

/**
 * One /api/v1 operation, declared once: the route handler validates with these
 * zod schemas and the OpenAPI document is generated from the same ones, so the
 * two cannot drift. `example` is a request the contract test sends for real.
 */
export interface ApiOperation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  operationId: string;
  method: "GET" | "POST" | "PUT";
  /** OpenAPI style, under /api/v1: "/customers/{reference}". */
  path: string;
  summary: string;
  description: string;
  tag: string;
  scope: ApiScope;
  params?: P;
  query?: Q;
  body?: B;
  /** Instead of `body`: the request body is a file, handed to `run` as bytes (`input.raw`). */
  rawBody?: RawBody;
  /** The body when the request is not JSON (a PDF answer is described by `produces`). */
  produces?: "application/json" | "application/pdf";
  /** Success statuses and their body schema (omitted for a PDF). */
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: Record<string, string> }>;
  /**
   * POSTs that create money movements: the Idempotency-Key header is required
   * (true). "optional": a key, when sent, makes a retry answer the first
   * result again (a batch whose items are idempotent by themselves).
   */
  idempotencyKey?: boolean | "optional";
  /**
   * A request a client would send, shown in the document and sent for real by
   * the contract test (tests/api-contract.test.ts) in the order of API_OPERATIONS'
   * example scenario; "{letterId}" stands for the letter the example letter sent.
   */
  example: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  run: (ctx: ApiContext, input: ApiInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<ApiAnswer>;
}

export function defineOperation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  op: ApiOperation<P, Q, B>,
): ApiOperation<P, Q, B> {
  return op;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds operations of every input type
export type AnyApiOperation = ApiOperation<any, any, any>;
