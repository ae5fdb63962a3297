import type { z } from "zod";
import { transientDbError } from "@/lib/db/errors";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";

/**
 * RFC 9457 problem details, the answer to every refused /api/v1 request:
 * `type` names the kind of problem (documented on /api/docs), `errors` the
 * fields that need attention, keyed by their path in the request (body.amount,
 * query.asOf), each with the same sentences the forms show.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  errors?: Record<string, string[]>;
}

const TITLES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: "Not authenticated",
  FORBIDDEN: "Forbidden",
  NOT_FOUND: "Not found",
  INVALID_INPUT: "Invalid input",
  CONFLICT: "Conflict",
  TOO_LARGE: "Request too large",
  TOO_EARLY: "Too early",
  RATE_LIMITED: "Too many requests",
  TIMEOUT: "Timed out",
  UNAVAILABLE: "Unavailable",
  INTERNAL: "Internal error",
};

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export function problemOf(error: AppError): Problem {
  return {
    type: `/api/docs#problem-${error.code.toLowerCase().replaceAll("_", "-")}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(error.fieldErrors ? { errors: error.fieldErrors } : {}),
  };
}

export function problemResponse(error: AppError, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemOf(error)), {
    status: error.status,
    headers: { "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store", ...headers },
  });
}

/** Anything thrown while answering: AppErrors as they are, a busy database as 503, the rest as 500 with nothing said. */
export function problemFromThrown(thrown: unknown): Response {
  const error = transientDbError(thrown) ?? thrown;
  if (error instanceof AppError) {
    const retry = error.code === "UNAVAILABLE" ? { "Retry-After": "2" } : undefined;
    return problemResponse(error, retry);
  }
  console.error("API request failed", error);
  return problemResponse(new AppError("INTERNAL", "Something went wrong on our side; nothing was changed. Try again."));
}

/** zod's issues as field errors, keyed by the field's path ("_" for the whole body). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
