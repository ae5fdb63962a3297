import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { clientIpFrom } from "@/lib/auth/request-ip";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import type { AppError } from "@/lib/errors/app-error";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { type ActionDefinition, type ActionResult, runAction } from "./run-action";

export type { ActionContext, ActionDefinition, ActionResult } from "./run-action";

/**
 * One server action request for a definition: the origin check, the signed-in user
 * (re-read from the database) and the request's address, then runAction's checks.
 * Server actions are public POST endpoints: this, not middleware, is the authorization.
 * The one "use server" entry (lib/server-actions/entry.ts) calls it for every action.
 *
 * After a success every page is revalidated (the root layout and all below it):
 * no page is cached, so this only refreshes what the browser shows, and no list of
 * paths has to be kept by hand per action or remembered for a new page. Where the
 * browser goes next comes from the result (`redirectTo`, set by the definition's run).
 */
export async function performAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  raw: FormData | Record<string, unknown>,
  legacyRedirectTo?: (data: T) => string | null,
): Promise<ActionResult<T>> {
  const h = await headers();
  try {
    assertSameOrigin(h);
  } catch (error) {
    const refusal = error as AppError;
    return { ok: false, code: refusal.code, message: refusal.message };
  }
  const user = await getSessionUser();
  const result = await runAction(def, user && { ...user, ip: clientIpFrom(h), db: db() }, raw);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  const to = result.redirectTo ?? legacyRedirectTo?.(result.data as T);
  if (to) redirect(to);
  return result;
}

/**
 * @deprecated A per-action wrapper, kept only so branches written before the single entry
 * still compile. Pass `bindAction("<folder>.<verb>")` from lib/server-actions/bind.ts
 * instead (tests/role-matrix.test.ts refuses a wrapper in app/).
 */
export function defineAction<S extends z.ZodType, T = undefined>(
  def: ActionDefinition<S, T>,
  legacy: { revalidate?: unknown; redirectTo?: (data: T) => string | null } = {},
) {
  return async function action(_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    return performAction(def, raw, legacy.redirectTo);
  };
}
