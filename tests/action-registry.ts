import type { AnyActionDefinition } from "@/lib/actions/run-action";
import { isActionDefinition, actionRegistry as registryByName } from "@/lib/server-actions/registry";

/**
 * Every server action's definition, as the one "use server" entry finds them: the
 * registry in lib/server-actions/registry.ts. tests/role-matrix.test.ts runs each as
 * every role, unauthenticated, with another organization's ids; tests/hostile-input.test.ts
 * with hostile inputs.
 */
export const actionRegistry: AnyActionDefinition[] = [...registryByName.values()];

/**
 * What lib/ defines, found by file name instead (whatever lib/<domain>/actions.ts or
 * *-actions.ts exports that has a name, roles, a schema and a run): a definition found
 * here but not in the registry could never be called, so the role matrix compares the two.
 */
const modules = import.meta.glob<Record<string, unknown>>("/lib/**/*actions.ts", { eager: true });

/** Each definition found in lib/ with the folder that defines it ("letters" for lib/letters/actions.ts). */
export const actionFolders: { folder: string; name: string; def: AnyActionDefinition }[] = Object.entries(
  modules,
).flatMap(([file, module]) =>
  Object.values(module)
    .filter(isActionDefinition)
    .map((def) => ({ folder: file.split("/")[2], name: String(def.name), def })),
);
