import { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors/app-error";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import type { Role } from "@/lib/generated/prisma/enums";

export type ActionResult<T = undefined> =
  | { ok: true; message: string; data?: T }
  | { ok: false; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

export type ActionContext = SessionUser;

const MAX_FIELD_LENGTH = 20_000;

function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : value;
  }
  return out;
}

/**
 * Every server action goes through here: the user is signed in, the role is
 * allowed, the input parses, then `run` does the work (in one transaction with
 * its audit record, by convention in lib/). Whatever goes wrong comes back as a
 * typed result with a message a person can act on; nothing throws to the client.
 */
export function defineAction<S extends z.ZodType, T = undefined>(opts: {
  roles: Role[];
  schema: S;
  run: (ctx: ActionContext, input: z.infer<S>) => Promise<{ message: string; data?: T }>;
}) {
  return async function action(_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    try {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      if (!opts.roles.includes(user.role)) {
        throw new AppError("FORBIDDEN", "Your role does not allow this. Ask an administrator.");
      }
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      if (typeof input !== "object" || input === null) throw new AppError("INVALID_INPUT", "The request was malformed.");
      for (const value of Object.values(input)) {
        if (typeof value === "string" && value.length > MAX_FIELD_LENGTH) {
          throw new AppError("INVALID_INPUT", `A field is longer than ${MAX_FIELD_LENGTH} characters.`);
        }
      }
      const parsed = opts.schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors);
      }
      const result = await opts.run(user, parsed.data);
      return { ok: true, ...result };
    } catch (error) {
      if (error instanceof AppError) {
        return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
      }
      if (isNextControlFlow(error)) throw error;
      console.error("Server action failed", error);
      return { ok: false, code: "INTERNAL", message: "Something went wrong on our side; nothing was changed. Try again." };
    }
  };
}

// redirect() and notFound() work by throwing; they must reach Next.js.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"));
}
