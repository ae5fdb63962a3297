import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { registeredAction } from "@/lib/server-actions/registry";
import { actionFolders, actionRegistry } from "@/tests/action-registry";
import { actionContextFor } from "./action-context";
import { actionFixture, actionTable, orgSnapshot } from "./action-table";
import { useTestDb } from "./db";

const db = useTestDb();
const ROLES = ["ADMIN", "COLLECTOR", "VIEWER"] as const;

describe("the action registry", () => {
  // The registry is built from lib/, the table written by hand: equal name sets mean neither missed one.
  it("has a row in the action table for every registered action, and no stale rows", () => {
    const names = actionRegistry.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(actionTable).sort()).toEqual([...names].sort());
  });

  // "<folder>.<verb>": an action's name says where it lives, so a log line or a table row leads to its file.
  it("names every action after the lib/ folder that defines it", () => {
    const misnamed = actionFolders.filter(({ folder, name }) => !name.startsWith(`${folder}.`));
    expect(misnamed).toEqual([]);
  });

  // One entry runs them all: a definition lib/ exports but the registry misses could never be called.
  it("registers every definition exported from lib/**/*actions.ts, and only those", () => {
    const found = actionFolders.map(({ def }) => def);
    expect(actionRegistry.filter((def) => !found.includes(def)).map((d) => d.name)).toEqual([]);
    expect(found.filter((def) => !actionRegistry.includes(def)).map((d) => d.name)).toEqual([]);
  });

  // The entry takes the name from the browser: only a registered name reaches a definition.
  it("finds a definition only under its registered name", () => {
    expect(registeredAction("customers.create")?.name).toBe("customers.create");
    for (const name of ["customers.nope", "__proto__", "constructor", "", 42, null, { name: "customers.create" }]) {
      expect(registeredAction(name)).toBeUndefined();
    }
  });

  it("app/ wraps no action: pages bind the one entry by name", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry)) files.push(full);
      }
    };
    try {
      walk(path.resolve("app"));
    } catch {
      return; // no app/ yet
    }
    const wrappers = files.filter((file) => /\bdefineAction\b/.test(readFileSync(file, "utf8")));
    // To fix: define the action once in lib/<domain>/actions.ts as actionDefinition({ name, roles, schema, run }),
    // add its row to tests/action-table.ts, and pass bindAction("<folder>.<verb>") (lib/server-actions/bind.ts)
    // where the page needs it. A new actions module is also listed in lib/server-actions/registry.ts.
    expect(
      wrappers.map((f) => path.relative(process.cwd(), f)),
      "per-action wrappers in app/",
    ).toEqual([]);
  });
});

// Each test builds its own organization, so the actions' tests run side by side.
describe.concurrent.each(actionRegistry.map((def) => [def.name, def] as const))("%s", (name, def) => {
  const row = actionTable[name];

  it.each(ROLES)("as %s: allowed only where the table says, and a refusal changes nothing", async (role) => {
    const fx = await actionFixture(db, row.needs);
    const ctx = await actionContextFor(db, fx.users[role].id);
    const before = await orgSnapshot(db, fx.org.id);
    const result = await runAction(def, ctx, row.validInput(fx));
    if (row.allowed.includes(role)) {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toEqual({
        ok: false,
        code: "FORBIDDEN",
        message: "Your role does not allow this. Ask an administrator.",
      });
      expect(await orgSnapshot(db, fx.org.id)).toEqual(before);
    }
  });

  it("signed out: refused", async () => {
    const fx = await actionFixture(db, row.needs);
    const before = await orgSnapshot(db, fx.org.id);
    expect(await runAction(def, null, row.validInput(fx))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await orgSnapshot(db, fx.org.id)).toEqual(before);
  });
});
