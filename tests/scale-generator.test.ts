import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getAgingTotals, INVOICES } from "@/lib/aging/aging-totals";
import { ACCOUNT_SORTS, accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import { createDb, type Db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/embedded";
import { generateScaleData, SCALE_ORG_ID } from "@/tooling/scale/generate-scale-data";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";
import { createMigratedDatabase } from "./test-database";

const TODAY = "2026-06-30";
let database: { url: string; drop(): Promise<void> };
let sql: Client;
let prisma: Db;

beforeAll(async () => {
  database = await createMigratedDatabase(databaseUrl(inject("testOwnerUrl"), "postgres"), "dd_scale");
  await generateScaleData(database.url, { size: parseScaleSize("2000"), today: TODAY });
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  prisma = createDb(database.url);
});
afterAll(async () => {
  await sql?.end();
  await prisma?.$disconnect();
  await database?.drop();
});

const one = async (text: string) => (await sql.query(text)).rows[0];

describe("scale generator (2,000 invoices)", () => {
  it("creates 200 customers and 2,000 invoices, about 30% of them open", async () => {
    const r = await one(`SELECT (SELECT count(*) FROM customers)::int AS customers, count(*)::int AS invoices,
      count(*) FILTER (WHERE paid_minor < amount_minor)::int AS open,
      count(*) FILTER (WHERE paid_minor > 0 AND paid_minor < amount_minor)::int AS part_paid FROM invoices`);
    expect(r.customers).toBe(200);
    expect(r.invoices).toBe(2000);
    expect(r.open / r.invoices).toBeGreaterThan(0.22);
    expect(r.open / r.invoices).toBeLessThan(0.38);
    expect(r.part_paid).toBeGreaterThan(0);
  });

  it("gives every customer a country, so its letters have a legal profile to follow (the bench sends them)", async () => {
    const r = await one(`SELECT count(*) FILTER (WHERE country_code IS NULL)::int AS without,
      array_agg(DISTINCT country_code ORDER BY country_code) AS codes FROM customers`);
    expect(r.without).toBe(0);
    expect(r.codes).toEqual(["IT", "NO", "US"]);
  });

  it("keeps paid_minor equal to the sum of each invoice's payments", async () => {
    const r = await one(`SELECT count(*)::int AS wrong FROM invoices i
      LEFT JOIN (SELECT invoice_id, sum(amount_minor) AS s FROM payments GROUP BY invoice_id) p ON p.invoice_id = i.id
      WHERE i.paid_minor <> COALESCE(p.s, 0)`);
    expect(r.wrong).toBe(0);
    expect((await one("SELECT count(*)::int AS n FROM payments")).n).toBeGreaterThan(1000);
  });

  it("leaves the paid_minor trigger enabled", async () => {
    const r = await one(`SELECT tgenabled FROM pg_trigger WHERE tgname = 'payments_sync_invoice_paid_insert'`);
    expect(r.tgenabled).toBe("O");
  });

  it("rebuilds every index and foreign key the migrations define (they are dropped for the bulk load)", async () => {
    const fresh = await createMigratedDatabase(databaseUrl(inject("testOwnerUrl"), "postgres"), "dd_scale_idx");
    const indexdefs = `SELECT (SELECT string_agg(indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes WHERE schemaname = 'public')
      || (SELECT string_agg(conname || ' ' || pg_get_constraintdef(oid) || convalidated, E'\\n' ORDER BY conname) FROM pg_constraint WHERE contype = 'f') AS defs`;
    const other = new Client({ connectionString: fresh.url });
    try {
      await other.connect();
      const expected = (await other.query(indexdefs)).rows[0].defs;
      expect((await one(indexdefs)).defs).toBe(expected);
      expect(expected).toContain("invoices_open_by_due_date");
      expect(expected).toContain("payments_invoice_id_fkey FOREIGN KEY");
    } finally {
      await other.end();
      await fresh.drop();
    }
  });

  it("spreads due dates over two years, with every aging bucket non-empty", async () => {
    const span = await one("SELECT max(due_date) - min(due_date) AS days FROM invoices");
    expect(span.days).toBeGreaterThan(700);
    const [totals] = await getAgingTotals(prisma, { orgId: SCALE_ORG_ID, today: TODAY }).then((t) =>
      t.filter((c) => c.currency === "EUR"),
    );
    for (const bucket of ["current", "d1_30", "d31_60", "d61_90", "d90_plus"] as const)
      expect(totals[bucket]).toBeGreaterThan(0);
  });

  it("writes letters and contact history only for accounts with an overdue balance", async () => {
    const r = await one(`SELECT (SELECT count(*) FROM letters)::int AS letters,
      (SELECT count(*) FROM contact_attempts)::int AS contacts,
      (SELECT count(*) FROM letters l WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = l.customer_id
         AND i.paid_minor < i.amount_minor AND i.due_date < '${TODAY}'::date))::int AS letters_without_overdue,
      (SELECT count(*) FROM contact_attempts a WHERE NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = a.customer_id
         AND i.paid_minor < i.amount_minor AND i.due_date < '${TODAY}'::date))::int AS contacts_without_overdue,
      (SELECT count(*) FROM letters WHERE total_due_minor <= 0 OR sent_at > '${TODAY}'::date)::int AS odd_letters`);
    expect(r.letters).toBeGreaterThan(0);
    expect(r.contacts).toBeGreaterThan(r.letters);
    expect(r.letters_without_overdue).toBe(0);
    expect(r.contacts_without_overdue).toBe(0);
    expect(r.odd_letters).toBe(0);
  });

  it("pages most-overdue-first by walking due dates exactly as the full aggregation sorts", async () => {
    // Every generated name contains a "0", so q=0 matches all accounts but takes the full-aggregation path.
    const list = (q: Record<string, string>) =>
      listAgingAccounts(prisma, {
        orgId: SCALE_ORG_ID,
        today: TODAY,
        pageSize: 25,
        query: accountQuerySchema.parse(q),
      });
    for (const filter of [{}, { currency: "NOK" }] as Record<string, string>[]) {
      for (const page of ["1", "2", "5", "40"]) {
        const walked = await list({ ...filter, page });
        const aggregated = await list({ ...filter, page, q: "0" });
        expect(walked.rows).toEqual(aggregated.rows);
        if (aggregated.rows.length) expect(walked.total).toBe(aggregated.total);
      }
    }
    const first = await list({});
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0].oldestDaysPastDue).toBeGreaterThanOrEqual(first.rows[24].oldestDaysPastDue);
  });

  it("builds the report's sort keys and account counts as the triggers keep them: every sort equals the full aggregation", async () => {
    const page = (q: Record<string, string>, invoices?: typeof INVOICES) =>
      listAgingAccounts(prisma, {
        orgId: SCALE_ORG_ID,
        today: TODAY,
        pageSize: 25,
        invoices,
        query: accountQuerySchema.parse(q),
      });
    for (const sort of ACCOUNT_SORTS)
      for (const dir of ["asc", "desc"])
        for (const p of ["1", "3"]) {
          const q = { sort, dir, page: p };
          expect((await page(q)).rows, JSON.stringify(q)).toEqual((await page(q, INVOICES)).rows);
        }
    expect(await one(`SELECT day::text FROM accounts_bucket_days WHERE org_id = '${SCALE_ORG_ID}'`)).toEqual({
      day: TODAY,
    });
    const totals = await getAgingTotals(prisma, { orgId: SCALE_ORG_ID, today: TODAY });
    const fromInvoices = await getAgingTotals(prisma, { orgId: SCALE_ORG_ID, today: TODAY, invoices: INVOICES });
    expect(totals).toEqual(fromInvoices);
  });

  it("is deterministic: the same seed gives the same invoices", async () => {
    const again = await createMigratedDatabase(databaseUrl(inject("testOwnerUrl"), "postgres"), "dd_scale2");
    try {
      await generateScaleData(again.url, { size: parseScaleSize("2000"), today: TODAY });
      const digest =
        "SELECT md5(string_agg(id || number || amount_minor || paid_minor || due_date, ',' ORDER BY id)) AS d FROM invoices";
      const other = new Client({ connectionString: again.url });
      await other.connect();
      const theirs = (await other.query(digest)).rows[0].d;
      await other.end();
      expect(theirs).toBe((await one(digest)).d);
    } finally {
      await again.drop();
    }
  });
});
