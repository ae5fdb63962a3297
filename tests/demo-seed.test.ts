import { describe, expect, it } from "vitest";
import { listWorklist } from "@/lib/collections/list-worklist";
import { verifyAnchoredHistory } from "@/lib/history/verify-anchored";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { phrasesFor } from "@/lib/letters/render";
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
    // "Verify history" on the demo passes: every seeded letter has its signed checkpoint.
    expect(await verifyAnchoredHistory(db, { orgId: DEMO_ORG_ID })).toMatchObject({
      ok: true,
      letters: letters.length,
    });
    for (const l of letters) {
      expect(l.body).toContain(phrasesFor(l.language).invoiceHeader[3]); // each letter in its customer's language
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
    // A year of aging history for the dashboard, every row labelled as made up by the demo:
    // the month-ends of the 11 months before this one, one row per currency.
    const snapshots = await db.agingSnapshot.findMany({ where: { orgId: DEMO_ORG_ID }, orderBy: { day: "asc" } });
    expect(new Set(snapshots.map((s) => s.source))).toEqual(new Set(["demo"]));
    const days = [...new Set(snapshots.map((s) => s.day.toISOString().slice(0, 10)))];
    expect(days).toHaveLength(11);
    expect([days[0], days.at(-1)]).toEqual(["2025-12-31", "2026-10-31"]);
    expect(new Set(snapshots.map((s) => s.currency))).toEqual(new Set(["EUR", "NOK", "USD"]));
    for (const s of snapshots) expect(s.openMinor).toBe(s.currentMinor + s.overdueMinor);
    expect((await seedDemo(db, { now: NOW })).created).toBe(false);
    expect(await db.letter.count({ where: { orgId: DEMO_ORG_ID } })).toBe(letters.length);
  });
});
