import { describe, expect, it } from "vitest";
import { lenientQuery, parseQueryStrict } from "@/lib/actions/query-params";
import { recordAudit } from "@/lib/audit/events";
import { auditFilterStrictSchema, listAuditEvents } from "@/lib/audit/list-audit-events";
import { AppError } from "@/lib/errors/app-error";
import { auditLogCsvLines } from "@/lib/exports/audit-log-csv";
import { useTestDb } from "./db";
import { createCustomer, createOrg, createUser } from "./factories";

const db = useTestDb();

async function orgWithEvents() {
  const org = await createOrg(db, { timeZone: "Europe/Oslo" });
  const admin = await createUser(db, org.id, "ADMIN");
  const bjorkli = await createCustomer(db, org.id, { name: "=Bjørkli Bygg AS", currency: "NOK" });
  const rossi = await createCustomer(db, org.id, { name: "Rossi S.r.l.", currency: "EUR" });
  const write = (userId: string | null, event: Parameters<typeof recordAudit>[2]) =>
    recordAudit(db, { orgId: org.id, userId }, event);
  await write(admin.id, {
    kind: "payment.recorded",
    payload: {
      customerId: bjorkli.id,
      currency: "NOK",
      amountMinor: 1_250_000,
      receivedOn: "2026-11-02",
      allocations: [],
    },
  });
  await write(null, {
    kind: "promise.broken",
    payload: { promiseId: crypto.randomUUID(), caseId: crypto.randomUUID(), customerId: rossi.id },
  });
  await write(admin.id, { kind: "user.signed_in", payload: { email: admin.email } });
  return { org, admin, bjorkli, rossi };
}

describe("the audit log in words", () => {
  it("names the customer and the amount instead of ids, and filters by who, what and customer", async () => {
    const { org, admin, bjorkli, rossi } = await orgWithEvents();
    const all = await listAuditEvents(db, { orgId: org.id, page: 1, locale: "en-GB", timeZone: "Europe/Oslo" });
    // Intl writes a no-break space between the currency code and the amount.
    const sentences = all.rows.map((r) => r.sentence.replace(/\u00a0/g, " "));
    expect(sentences).toContain(
      "Recorded a payment of NOK 12,500.00 from =Bjørkli Bygg AS received on 2026-11-02, applied to 0 invoices",
    );
    expect(sentences).toContain("Marked a promise of Rossi S.r.l. as broken");
    expect(sentences.join(" ")).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const byAdmin = await listAuditEvents(db, { orgId: org.id, page: 1, filter: { who: admin.id } });
    expect(byAdmin.rows.map((r) => r.kind).sort()).toEqual(["payment.recorded", "user.signed_in"]);
    const bySystem = await listAuditEvents(db, { orgId: org.id, page: 1, filter: { who: "system" } });
    expect(bySystem.rows.map((r) => r.kind)).toEqual(["promise.broken"]);
    const payments = await listAuditEvents(db, { orgId: org.id, page: 1, filter: { what: "payment" } });
    expect(payments.total).toBe(1);
    const ofRossi = await listAuditEvents(db, { orgId: org.id, page: 1, filter: { customer: rossi.id } });
    expect(ofRossi.rows.map((r) => r.customerName)).toEqual(["Rossi S.r.l."]);
    const ofBjorkli = await listAuditEvents(db, { orgId: org.id, page: 1, filter: { customer: bjorkli.id } });
    expect(ofBjorkli.rows.map((r) => r.kind)).toEqual(["payment.recorded"]);
  });

  it("filters by the organization's days and exports exactly the filtered rows as CSV, formulas defused", async () => {
    const { org } = await orgWithEvents();
    // Today in Oslo: every event was written a moment ago, so a range ending yesterday holds none.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo" }).format(new Date());
    const yesterday = new Date(Date.parse(`${today}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const none = await listAuditEvents(db, {
      orgId: org.id,
      page: 1,
      filter: { to: yesterday },
      timeZone: "Europe/Oslo",
    });
    expect(none.total).toBe(0);
    const todays = await listAuditEvents(db, {
      orgId: org.id,
      page: 1,
      filter: { from: today, to: today },
      timeZone: "Europe/Oslo",
    });
    expect(todays.total).toBe(3);

    const lines: string[] = [];
    for await (const line of auditLogCsvLines(db, {
      orgId: org.id,
      filter: { what: "payment" },
      timeZone: "Europe/Oslo",
      locale: "en-GB",
    }))
      lines.push(line);
    expect(lines).toHaveLength(2); // header + the one payment
    expect(lines[1]).toMatch(/'=Bjørkli Bygg AS/); // the formula is defused
    expect(lines[1].replace(/\u00a0/g, " ")).toContain("Recorded a payment of NOK 12,500.00 from =Bjørkli Bygg AS");
  });
});

describe("the audit log export's filters (issue 22, 9)", () => {
  const params = (query: string) => new URLSearchParams(query);

  it("refuses each bad filter with a 400 that names it, instead of exporting the whole log", () => {
    for (const [query, name] of [
      ["to=9999-12-31", "to"],
      ["from=2026-13-01", "from"],
      ["who=someone", "who"],
      ["what=Payment;DROP", "what"],
      ["customer=42", "customer"],
    ]) {
      let refusal: unknown;
      try {
        parseQueryStrict(auditFilterStrictSchema, params(query));
      } catch (error) {
        refusal = error;
      }
      expect(refusal, query).toBeInstanceOf(AppError);
      expect((refusal as AppError).status).toBe(400);
      expect((refusal as AppError).message).toContain(`${name}:`);
    }
  });

  it("reads good filters; the page drops a bad one and still lists, up to the last day it allows", async () => {
    const { org } = await orgWithEvents();
    expect(parseQueryStrict(auditFilterStrictSchema, params("from=2026-01-01&to=2999-12-31&what=payment"))).toEqual({
      from: "2026-01-01",
      to: "2999-12-31",
      what: "payment",
    });
    const lenient = lenientQuery(auditFilterStrictSchema).parse({ to: "9999-12-31", what: "payment" });
    expect(lenient).toEqual({ what: "payment" });
    const listed = await listAuditEvents(db, {
      orgId: org.id,
      page: 1,
      filter: { to: "2999-12-31" },
      timeZone: "Europe/Oslo",
    });
    expect(listed.rows.length).toBeGreaterThan(0);
  });
});
