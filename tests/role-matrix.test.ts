import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { actionRegistry } from "@/lib/actions/registry";
import { runAction } from "@/lib/actions/run-action";
import { actionContextFor } from "./action-context";
import { actionFixture, actionTable, orgSnapshot } from "./action-table";
import { useTestDb } from "./db";

const db = useTestDb();
const ROLES = ["ADMIN", "COLLECTOR", "VIEWER"] as const;

describe("the action registry", () => {
  it("has a row in the action table for every registered action, and no stale rows", () => {
    const names = actionRegistry.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(actionTable).sort()).toEqual([...names].sort());
  });

  it("registers every action definition exported from lib/**/actions.ts", () => {
    const modules = import.meta.glob<Record<string, unknown>>("/lib/**/actions.ts", { eager: true });
    const exported = Object.values(modules).flatMap((m) =>
      Object.values(m).filter(
        (v): v is { name: string } =>
          typeof v === "object" && v !== null && "roles" in v && "schema" in v && "run" in v,
      ),
    );
    expect(exported.length).toBeGreaterThan(0);
    for (const def of exported) expect(actionRegistry, `${def.name} is not in lib/actions/registry.ts`).toContain(def);
  });

  it("app/ defines no server action inline: each wraps a registered definition", () => {
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
    const inline = files.filter((file) => /defineAction\s*(<|\(\s*\{)/.test(readFileSync(file, "utf8")));
    // To fix: move each definition to lib/<domain>/actions.ts as actionDefinition({ name, roles, schema, run }),
    // list it in lib/actions/registry.ts, add its row to tests/action-table.ts, and wrap it here with defineAction(def).
    expect(inline, "server actions defined inline, outside the role-matrix registry").toEqual([]);
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
