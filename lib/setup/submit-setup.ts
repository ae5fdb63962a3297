import type { ActionResult } from "@/lib/actions/run-action";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { runSetup } from "./run-setup";
import { setupFormSchema } from "./setup-input";

/**
 * The setup form's action without Next.js: parse, run, answer with a typed
 * result. Nobody is signed in yet, so this is not a registered action (no session,
 * no role); the one-time code is the authorization.
 */
export async function submitSetup(
  db: Db,
  raw: Record<string, unknown>,
  now: Date,
): Promise<ActionResult<{ email: string }>> {
  const parsed = setupFormSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return { ok: false, code: "INVALID_INPUT", message: "Some fields need attention.", fieldErrors };
  }
  try {
    const { org, admin } = await runSetup(db, { ...parsed.data, now });
    return { ok: true, message: `${org.name} is set up. Sign in as ${admin.email}.`, data: { email: admin.email } };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
}
