import type { z } from "zod";
import type { SessionUser } from "@/lib/auth/session-user";
import type { Db } from "@/lib/db/client";
import { transientDbError } from "@/lib/db/errors";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T; redirectTo?: string | null }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/** What an action's `run` gets: the signed-in user, where the request came from, and the database. */
export type ActionContext = SessionUser & { ip: string; db: Db };

export interface ActionDefinition<S extends z.ZodType = z.ZodType, T = unknown> {
  /** Unique, "<folder>.<verb>" after the lib/ folder that defines it; tests/role-matrix.test.ts checks both. */
  name?: string;
  roles: Role[];
  schema: S;
  /** Fields a form posts several times (checkboxes of one name): read as a list, not the last value. */
  listFields?: string[];
  /** The largest file this action takes, when it is not MAX_FILE_BYTES (invoice PDFs: 5 MB). */
  maxFileBytes?: number;
  /** `redirectTo`: where the browser goes after a success (null or absent: it stays and the page refreshes). */
  run: (ctx: ActionContext, input: z.infer<S>) => Promise<{ message: string; data?: T; redirectTo?: string | null }>;
}

export const MAX_FIELD_LENGTH = 20_000;
/** The largest file a form may carry unless its action says otherwise (the letterhead logo's documented limit). */
export const MAX_FILE_BYTES = 512 * 1024;

function formDataToObject(formData: FormData, listFields: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = listFields.includes(key) ? formData.getAll(key) : value;
  }
  return out;
}

/** Refuses oversized text before zod sees it, at any depth, so a 10 MB string costs nothing. */
function assertNoOversizedField(value: unknown, maxFileBytes: number, depth = 0): void {
  if (typeof value === "string") {
    if (value.length > MAX_FIELD_LENGTH)
      throw new AppError("INVALID_INPUT", `A field is longer than ${MAX_FIELD_LENGTH} characters.`);
    // PostgreSQL text cannot hold NUL: refused here with a reason, not a database error.
    if (value.includes("\u0000")) throw new AppError("INVALID_INPUT", "A field contains a NUL character; remove it.");
    return;
  }
  if (value instanceof Blob && value.size > maxFileBytes) {
    const size = (bytes: number) =>
      bytes >= 1024 * 1024 ? `${+(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
    throw new AppError("TOO_LARGE", `The file is ${size(value.size)}; the limit is ${size(maxFileBytes)}.`);
  }
  if (depth > 5) throw new AppError("INVALID_INPUT", "The request was malformed.");
  if (Array.isArray(value)) value.forEach((v) => assertNoOversizedField(v, maxFileBytes, depth + 1));
  else if (value && typeof value === "object" && !(value instanceof Blob)) {
    Object.values(value).forEach((v) => assertNoOversizedField(v, maxFileBytes, depth + 1));
  }
}

/**
 * The checks every server action goes through, in order: signed in, role
 * allowed, input parses; then `run` does the work (in one transaction with its
 * audit record, by convention in lib/). Whatever goes wrong comes back as a
 * typed result with a message a person can act on; nothing throws to the client.
 * No Next.js here, so tests call it directly with any user.
 */
export async function runAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  ctx: ActionContext | null,
  raw: unknown,
): Promise<ActionResult<T>> {
  try {
    if (!ctx) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    if (!def.roles.includes(ctx.role)) {
      throw new AppError("FORBIDDEN", "Your role does not allow this. Ask an administrator.");
    }
    const input = raw instanceof FormData ? formDataToObject(raw, def.listFields) : raw;
    if (typeof input !== "object" || input === null || Array.isArray(input)) {
      throw new AppError("INVALID_INPUT", "The request was malformed.");
    }
    assertNoOversizedField(input, def.maxFileBytes ?? MAX_FILE_BYTES);
    const parsed = def.schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join(".") || "_";
        (fieldErrors[key] ??= []).push(issue.message);
      }
      throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors);
    }
    const result = await def.run(ctx, parsed.data);
    return { ok: true, ...result };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    }
    if (isNextControlFlow(error)) throw error;
    const transient = transientDbError(error);
    if (transient) return { ok: false, code: transient.code, message: transient.message };
    console.error(`Server action ${def.name ?? ""} failed`, error);
    return {
      ok: false,
      code: "INTERNAL",
      message: "Something went wrong on our side; nothing was changed. Try again.",
    };
  }
}

// redirect() and notFound() work by throwing; they must reach Next.js.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"));
}

/**
 * Types a definition (infers the input from the schema, and keeps the name as a literal
 * type, so the registry in lib/server-actions knows each action's input and result by name)
 * without wrapping it.
 */
export function actionDefinition<const N extends string, S extends z.ZodType, T = undefined>(
  def: ActionDefinition<S, T> & { name: N },
) {
  return def;
}

/** Any definition, for registries and table-driven tests. */
// biome-ignore lint/suspicious/noExplicitAny: a registry holds definitions of every input and output type
export type AnyActionDefinition = ActionDefinition<z.ZodType<any>, any> & { name: string };
