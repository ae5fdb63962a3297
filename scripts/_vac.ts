import { Client } from "pg";
import { openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";

const database = await openScaleDatabase(parseScaleSize("1m"));
const c = new Client({ connectionString: database.url });
await c.connect();
const size = async () =>
  (
    await c.query(
      "SELECT pg_size_pretty(pg_relation_size('accounts')) t, pg_size_pretty(pg_indexes_size('accounts')) i",
    )
  ).rows[0];
console.log("before", await size());
await c.query(process.argv[2] === "full" ? "VACUUM (FULL, ANALYZE) accounts" : "VACUUM (ANALYZE) accounts");
console.log("after", await size());
await c.end();
await database.stop();
