import type { z } from "zod";
import { requestIp } from "@/lib/auth/request-ip";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { runAction, type ActionDefinition, type ActionResult } from "./run-action";

export type { ActionContext, ActionDefinition, ActionResult } from "./run-action";

/**
 * A server action from a definition: the signed-in user (re-read from the
 * database) and the request's address, then runAction's checks. Server actions
 * are public POST endpoints: this, not middleware, is the authorization.
 * Keep definitions in lib/ and list them in lib/actions/registry.ts so the
 * role-matrix and hostile-input tests cover them.
 */
export function defineAction<S extends z.ZodType, T = undefined>(def: ActionDefinition<S, T>) {
  return async function action(_prev: unknown, raw: FormData | Record<string, unknown>): Promise<ActionResult<T>> {
    const user = await getSessionUser();
    return runAction(def, user && { ...user, ip: await requestIp(), db: db() }, raw);
  };
}
