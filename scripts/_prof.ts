import { createDb } from "@/lib/db/client";
import { loadAccountStates, accountKey } from "@/lib/collections/account-state";
import { accountWork } from "@/lib/collections/account-work";
import { DEFAULT_POLICY } from "@/lib/collections/policy-settings";
import { openScaleDatabase } from "@/lib/scale/scale-database";
import { parseScaleSize } from "@/lib/scale/scale-sizes";
import { SCALE_ORG_ID } from "@/lib/scale/generate-scale-data";
const database = await openScaleDatabase(parseScaleSize("1m"));
const db = createDb(database.url);
const rows = await db.$queryRaw<{ customer_id: string; currency: string }[]>`SELECT customer_id, currency FROM accounts WHERE org_id = ${SCALE_ORG_ID}::uuid AND oldest_open_due < '2026-11-25' LIMIT 2500`;
for (let k = 0; k < 5; k++) {
  const keys = rows.slice(k * 500, k * 500 + 500).map((r) => ({ customerId: r.customer_id, currency: r.currency }));
  let t = performance.now();
  const states = await loadAccountStates(db, { orgId: SCALE_ORG_ID, timeZone: "Europe/Oslo", today: "2026-11-25", accounts: keys });
  const load = performance.now() - t;
  t = performance.now();
  for (const key of keys) accountWork(states.get(accountKey(key))!, DEFAULT_POLICY, "2026-11-25");
  console.log(`load ${load.toFixed(0)} ms, judge ${(performance.now() - t).toFixed(0)} ms`);
}
await db.$disconnect();
await database.stop();
