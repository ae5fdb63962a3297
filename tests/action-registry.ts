import type { AnyActionDefinition } from "@/lib/actions/run-action";

/**
 * Every server action's definition: whatever lib/<domain>/actions.ts (or
 * *-actions.ts) exports that has a name, roles, a schema and a run. Found, not
 * listed, so a new action is written once in lib/ and its row in
 * tests/action-table.ts; tests/role-matrix.test.ts then runs it as every role,
 * unauthenticated, with hostile inputs and with another organization's ids.
 */
const modules = import.meta.glob<Record<string, unknown>>("/lib/**/*actions.ts", { eager: true });

const isDefinition = (value: unknown): value is AnyActionDefinition =>
  typeof value === "object" &&
  value !== null &&
  "name" in value &&
  "roles" in value &&
  "schema" in value &&
  "run" in value;

export const actionRegistry: AnyActionDefinition[] = Object.values(modules).flatMap((module) =>
  Object.values(module).filter(isDefinition),
);

/** Each action's name with the lib/ folder that defines it ("letters" for lib/letters/actions.ts). */
export const actionFolders: { folder: string; name: string }[] = Object.entries(modules).flatMap(([file, module]) =>
  Object.values(module)
    .filter(isDefinition)
    .map((def) => ({ folder: file.split("/")[2], name: String(def.name) })),
);
