import { describe, expect, it } from "vitest";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const SENDS = 50;

describe("speed", () => {
  it(`sends one letter (render, store, log) in under 100 ms: median over ${SENDS} sends`, async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const customers = [];
    for (let i = 0; i <= SENDS; i++) {
      const c = await createCustomer(db, org.id, { currency: "EUR" });
      for (let k = 0; k < 4; k++) await createInvoice(db, c, { amountMinor: 10000 + k, issueDate: "2026-09-01", dueDate: `2026-10-0${k + 1}` });
      customers.push(c);
    }
    const now = instantAt("2026-11-05", "10:00", org.timeZone);
    const send = (customerId: string) => sendNextLetter(db, { orgId: org.id, actor: { userId: user.id, role: "COLLECTOR" }, customerId, currency: "EUR", stage: 1, now });
    await send(customers[0].id); // warm-up: connection pool and query plans
    const times: number[] = [];
    for (const c of customers.slice(1)) {
      const started = performance.now();
      await send(c.id);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const p95 = times[Math.floor(times.length * 0.95)];
    console.log(`send one letter: median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${SENDS} sends`);
    expect(median).toBeLessThan(100);
  });
});
