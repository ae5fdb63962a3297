import { Client } from "pg";
import { openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";

const database = await openScaleDatabase(parseScaleSize("1m"));
const c = new Client({ connectionString: database.url });
await c.connect();
const org = "0193a000-0000-7000-8000-00000005ca1e";
for (const sql of [
  `EXPLAIN (ANALYZE, BUFFERS) SELECT currency, count(*), count(*) FILTER (WHERE oldest_open_due < '2026-11-25') FROM accounts WHERE org_id = '${org}' AND open_minor > 0 GROUP BY currency`,
  `EXPLAIN (ANALYZE) SELECT sum(amount_minor - paid_minor) FROM invoices WHERE org_id = '${org}' AND paid_minor < amount_minor`,
]) {
  for (let i = 0; i < 3; i++) await c.query(sql);
  console.log(
    (await c.query(sql)).rows
      .map((r) => r["QUERY PLAN"])
      .filter((l: string) => /Scan|Execution|Aggregate/.test(l))
      .join("\n"),
    "\n---",
  );
}
await c.end();
await database.stop();
