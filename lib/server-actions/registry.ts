import type { ActionDefinition, AnyActionDefinition } from "@/lib/actions/run-action";
import * as apiTokens from "@/lib/api-runtime/actions";
import * as bank from "@/lib/bank/actions";
import * as collections from "@/lib/collections/actions";
import * as tasks from "@/lib/collections/task-actions";
import * as customers from "@/lib/customers/actions";
import * as assignment from "@/lib/customers/assignment-actions";
import * as delivery from "@/lib/delivery/actions";
import * as documents from "@/lib/documents/actions";
import * as history from "@/lib/history/actions";
import * as imports from "@/lib/imports/actions";
import * as invoices from "@/lib/invoices/actions";
import * as law from "@/lib/law/actions";
import * as ledger from "@/lib/ledger/actions";
import * as letters from "@/lib/letters/actions";
import * as templates from "@/lib/letters/template-actions";
import * as organizations from "@/lib/organizations/actions";
import * as policies from "@/lib/policies/actions";
import * as portal from "@/lib/portal/actions";
import * as rates from "@/lib/rates/actions";
import * as statements from "@/lib/statements/actions";
import * as users from "@/lib/users/actions";
import * as webhooks from "@/lib/webhooks/actions";

/**
 * Every lib/<domain>/*actions.ts module. A definition exported from one of these is a
 * server action, reachable by its name through the one entry (./entry.ts); nothing in
 * app/ wraps it. A new actions module is added here once (tests/role-matrix.test.ts fails
 * on a module it finds in lib/ but not here); a new action in a listed module needs nothing.
 */
const MODULES = [
  apiTokens,
  bank,
  collections,
  tasks,
  customers,
  assignment,
  delivery,
  documents,
  history,
  imports,
  invoices,
  law,
  ledger,
  letters,
  templates,
  organizations,
  policies,
  portal,
  rates,
  statements,
  users,
  webhooks,
];

type ExportsOf<M> = M extends unknown ? M[keyof M] : never;
/** Every registered definition, each with its literal name, schema and result type. */
type Registered = Extract<ExportsOf<(typeof MODULES)[number]>, AnyActionDefinition>;

/** "<folder>.<verb>", e.g. "customers.create". */
export type ActionName = Registered["name"];
/** The definition registered under a name. */
export type ActionNamed<N extends ActionName> = Extract<Registered, { name: N }>;
/** What a successful action returns as `data`. */
export type ActionDataOf<N extends ActionName> = ActionNamed<N> extends ActionDefinition<infer _S, infer T> ? T : never;

/** Whether a module export is an action definition (a name, roles, a schema and a run). */
export const isActionDefinition = (value: unknown): value is AnyActionDefinition =>
  typeof value === "object" &&
  value !== null &&
  "name" in value &&
  "roles" in value &&
  "schema" in value &&
  "run" in value;

function byName(): ReadonlyMap<string, AnyActionDefinition> {
  const map = new Map<string, AnyActionDefinition>();
  for (const def of MODULES.flatMap((module) => Object.values(module).filter(isActionDefinition))) {
    // Two definitions under one name would make one of them unreachable: refuse to start.
    if (map.has(def.name)) throw new Error(`Two server actions are named ${def.name}.`);
    map.set(def.name, def);
  }
  return map;
}

/** Every server action's definition by name: the entry runs them, the role-matrix and hostile-input tests iterate them. */
export const actionRegistry = byName();

/** The definition registered under a name, or undefined for a name that is not one (the name comes from the browser). */
export function registeredAction(name: unknown): AnyActionDefinition | undefined {
  return typeof name === "string" ? actionRegistry.get(name) : undefined;
}
