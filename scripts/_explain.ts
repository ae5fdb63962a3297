import { readFileSync } from "node:fs";
import { Client } from "pg";
import { openScaleDatabase } from "@/lib/scale/scale-database";
import { parseScaleSize } from "@/lib/scale/scale-sizes";
const database = await openScaleDatabase(parseScaleSize("1m"));
const c = new Client({ connectionString: database.url });
await c.connect();
for (const sql of readFileSync(process.argv[2], "utf8").split(/;\n/).map((s) => s.trim()).filter((s) => s && !s.startsWith("\\"))) {
  for (let i = 0; i < 3; i++) await c.query(sql);
  const r = await c.query(sql);
  console.log(r.rows.map((x) => Object.values(x)[0]).join("\n"), "\n----");
}
await c.end();
await database.stop();
