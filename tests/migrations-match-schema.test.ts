import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { schemaPath } from "@/lib/db/migrations";
import { useTestDb } from "./db";

// Branches that each add a migration are merged by hand; this catches a merge
// whose prisma/migrations no longer builds the tables, columns and nullability
// that schema.prisma describes (the WebAssembly engine cannot introspect CHAR
// columns, so the comparison is done here against information_schema).
const db = useTestDb();

function expectedColumns(schema: string): Map<string, Map<string, boolean>> {
  const modelNames = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]));
  const tables = new Map<string, Map<string, boolean>>();
  for (const [, name, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const columns = new Map<string, boolean>();
    for (const line of body.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      // Relations (a model's name, one or a list) are not columns; a list of scalars (String[]) is one, never null.
      if (!field || modelNames.has(field[2])) continue;
      const column = /@map\("([^"]+)"\)/.exec(field[5])?.[1] ?? field[1];
      columns.set(column, Boolean(field[4]));
    }
    tables.set(table, columns);
  }
  return tables;
}

describe("migrations", () => {
  it("build the tables, columns and nullability of schema.prisma", async () => {
    const expected = expectedColumns(await readFile(schemaPath, "utf8"));
    const rows = await db.$queryRaw<{ table_name: string; column_name: string; is_nullable: string }[]>`
      SELECT table_name, column_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`;
    const actual = new Map<string, Map<string, boolean>>();
    for (const r of rows) {
      if (!expected.has(r.table_name)) continue; // _prisma_migrations and hand-written tables
      if (!actual.has(r.table_name)) actual.set(r.table_name, new Map());
      actual.get(r.table_name)!.set(r.column_name, r.is_nullable === "YES");
    }
    const asObject = (m: Map<string, Map<string, boolean>>) =>
      Object.fromEntries([...m].map(([t, cols]) => [t, Object.fromEntries([...cols].sort())]));
    expect(asObject(actual)).toEqual(asObject(expected));
    expect(expected.size).toBeGreaterThan(10);
  });
});
