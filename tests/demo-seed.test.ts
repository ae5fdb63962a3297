import { describe, expect, it } from "vitest";
import { listWorklist } from "@/lib/collections/list-worklist";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { templatesFor } from "@/lib/letters/render";
import { DEMO_ORG_ID, seedDemo } from "@/tooling/demo/seed-demo";
import { useTestDb } from "./db";

const db = useTestDb();
const NOW = new Date("2026-11-25T10:00:00Z");

describe("demo data", () => {
  it("has letters rendered with the real templates, promises and disputes, and a worklist; a second run changes nothing", async () => {
    const summary = await seedDemo(db, { now: NOW });
    expect(summary.created).toBe(true);
    const letters = await db.letter.findMany({ where: { orgId: DEMO_ORG_ID } });
    expect(letters.length).toBeGreaterThan(5);
    for (const l of letters) {
      expect(l.body).toContain(templatesFor(l.language).common.attention); // each letter in its customer's language
      expect(l.body).toContain("Aurora Components AS");
      expect(l.contentSha256).toBe(letterSha256(l.subject, l.body));
    }
    expect(await db.paymentPromise.count({ where: { orgId: DEMO_ORG_ID } })).toBeGreaterThan(0);
    expect(await db.invoiceDispute.count({ where: { orgId: DEMO_ORG_ID } })).toBeGreaterThan(0);
    const worklist = await listWorklist(db, { orgId: DEMO_ORG_ID, now: NOW, pageSize: 1000 });
    const kinds = new Set(worklist.items.map((i) => i.kind));
    expect(kinds).toContain("letter");
    expect(kinds).toContain("dispute");
    expect(kinds).toContain("handoff");
    expect(worklist.items.some((i) => i.reasons[0].includes("was broken"))).toBe(true);
    expect((await seedDemo(db, { now: NOW })).created).toBe(false);
    expect(await db.letter.count({ where: { orgId: DEMO_ORG_ID } })).toBe(letters.length);
  });
});
