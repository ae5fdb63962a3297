// Scratch: run SQL statements (argv) against the 1m scale database and print rows/plans.
import { Client } from "pg";
import { openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";

const database = await openScaleDatabase(parseScaleSize("1m"));
const c = new Client({ connectionString: database.url });
await c.connect();
try {
  for (const sql of process.argv.slice(2)) {
    const t = performance.now();
    const res = await c.query(sql);
    const rows = Array.isArray(res) ? res.at(-1)!.rows : res.rows;
    console.log(rows.map((r: Record<string, unknown>) => r["QUERY PLAN"] ?? JSON.stringify(r)).join("\n"));
    console.log(`-- ${(performance.now() - t).toFixed(1)} ms`);
  }
} finally {
  await c.end();
  await database.stop();
}
