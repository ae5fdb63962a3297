import type { ActionResult } from "@/lib/actions/run-action";
import { serverAction } from "./entry";
import type { ActionDataOf, ActionName } from "./registry";

/** A server action as a form (useActionState) or a component calls it: the previous state, then the input. */
export type BoundAction<T = unknown> = (
  prev: unknown,
  raw: FormData | Record<string, unknown>,
) => Promise<ActionResult<T>>;

/**
 * The server action for a registered definition, typed by its name: a page passes
 * `bindAction("customers.create")` to a component's `action` prop. It is the single
 * entry with the name bound in (Function.prototype.bind on a server reference, which
 * React and Next.js carry to the browser and back), so adding an action needs no wrapper.
 */
export function bindAction<N extends ActionName>(name: N): BoundAction<ActionDataOf<N>> {
  return serverAction.bind(null, name) as BoundAction<ActionDataOf<N>>;
}
