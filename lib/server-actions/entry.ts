"use server";

import { type ActionResult, performAction } from "@/lib/actions/define-action";
import { registeredAction } from "./registry";

/**
 * The one server action of the app: every form posts here with the name of a definition
 * in the registry, bound in by bindAction (./bind.ts). The name travels through the browser
 * like the form's fields, so it is untrusted input: a name that is not registered is
 * refused, and a registered one goes through the same checks as any other request (origin,
 * session, role, zod, one transaction with its audit record). Swapping the name only calls
 * another action the user could call anyway.
 */
export async function serverAction(
  name: string,
  _prev: unknown,
  raw: FormData | Record<string, unknown>,
): Promise<ActionResult<unknown>> {
  const def = registeredAction(name);
  if (!def) return { ok: false, code: "NOT_FOUND", message: "That action does not exist. Reload the page." };
  return performAction(def, raw);
}
