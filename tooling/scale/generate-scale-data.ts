import { Client } from "pg";
import { hashPassword } from "@/lib/auth/password";
import { refreshAccountWork } from "@/lib/collections/refresh-account-work";
import { createDb } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { type DateOnly, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { demoExchangeRates } from "@/tooling/demo/demo-rates";
import { DEMO_PASSWORD } from "@/tooling/demo/seed-demo";
import type { ScaleSize } from "./scale-sizes";

export const SCALE_ORG_ID = "0193a000-0000-7000-8000-00000005ca1e";
export const SCALE_TIME_ZONE = "Europe/Oslo";
export const SCALE_PASSWORD = DEMO_PASSWORD;
export const SCALE_USERS: { email: string; name: string; role: Role }[] = [
  { email: "admin@scale.dunningdesk.test", name: "Sam Admin", role: "ADMIN" },
  { email: "collector@scale.dunningdesk.test", name: "Casey Collector", role: "COLLECTOR" },
  { email: "viewer@scale.dunningdesk.test", name: "Val Viewer", role: "VIEWER" },
];

export interface ScalePhase {
  name: string;
  ms: number;
  rows: number;
}

/**
 * Fills a migrated, empty database with one organization of `size`, generated
 * inside PostgreSQL (INSERT ... SELECT over generate_series): nothing crosses
 * the wire but the statements, which is what makes a million invoices take
 * seconds rather than minutes.
 *
 * Deterministic: every "random" choice is hashint8extended(row number, salt),
 * so the same size, seed and today give the same rows.
 *
 * paid_minor: invoices are inserted with paid_minor already computed and the
 * payments are derived from the same staging rows; the paid_minor trigger is
 * disabled for that one statement inside the transaction (ALTER TABLE holds an
 * exclusive lock on payments until commit, so no other writer can slip past
 * it), re-enabled, and a check query proves sum(payments) = paid_minor for every
 * invoice before commit. Letting the trigger fire a million times would update
 * every paid invoice a second time and leave half the table as dead rows.
 */
export async function generateScaleData(
  connectionString: string,
  opts: { size: ScaleSize; seed?: number; today?: DateOnly; log?: (phase: ScalePhase) => void },
): Promise<{ today: DateOnly; phases: ScalePhase[] }> {
  const today = opts.today ?? todayIn(SCALE_TIME_ZONE);
  const seed = opts.seed ?? 20261125;
  const { customers, invoices } = opts.size;
  const phases: ScalePhase[] = [];
  const client = new Client({ connectionString });
  await client.connect();

  // A phase is one or more statements (";\n\n"-separated: parameters allow one per query);
  // its row count is that of the last one.
  const params = { org: SCALE_ORG_ID, seed, customers, invoices, today, tz: SCALE_TIME_ZONE };
  async function phase(name: string, sql: string): Promise<number> {
    const started = performance.now();
    let rows = 0;
    for (const statement of sql.split(/;\n\n/)) {
      const bound = bindNamed(statement, params);
      rows = (await client.query(bound.text, bound.values)).rowCount ?? 0;
    }
    const done = { name, ms: Math.round(performance.now() - started), rows };
    phases.push(done);
    opts.log?.(done);
    return rows;
  }

  async function dropSecondaryIndexes(tables: string[]): Promise<string[]> {
    const { rows } = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
       WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [tables],
    );
    for (const r of rows) await client.query(`DROP INDEX ${client.escapeIdentifier(r.name)}`);
    return rows.map((r) => r.def);
  }

  /** Drops the tables' foreign keys; returns the statements that re-add them. */
  async function dropForeignKeys(tables: string[]): Promise<string[]> {
    const { rows } = await client.query<{ tbl: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'f' AND conrelid = ANY($1::regclass[])`,
      [tables],
    );
    for (const r of rows) await client.query(`ALTER TABLE ${r.tbl} DROP CONSTRAINT ${client.escapeIdentifier(r.name)}`);
    return rows.map((r) => `ALTER TABLE ${r.tbl} ADD CONSTRAINT ${client.escapeIdentifier(r.name)} ${r.def}`);
  }

  try {
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    await client.query("BEGIN");
    await client.query(
      "SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '512MB'",
    );
    await client.query(HELPERS_SQL);
    await client.query(
      `INSERT INTO organizations (id, name, address_line1, postal_code, city, country, country_code, contact_person, phone, email, website, payment_instructions, time_zone, default_currency, base_currency, locale)
       VALUES ($1, 'Borealis Wholesale ASA', 'Dronning Eufemias gate 16', '0191', 'Oslo', 'Norway', 'NO', 'Casey Collector, Credit Control', '+47 22 00 77 00', 'credit@borealis-wholesale.example', 'borealis-wholesale.example', 'Bank transfer to IBAN NO93 8601 1117 947, quoting the invoice number.', $2, 'EUR', 'EUR', 'en-GB')`,
      [SCALE_ORG_ID, SCALE_TIME_ZONE],
    );
    // USD and NOK against EUR (the demo's figures, tooling/demo/demo-rates.ts), so the
    // worklist and the report's open sort run their converted paths at scale.
    for (const r of demoExchangeRates(SCALE_ORG_ID, today))
      await client.query(
        "INSERT INTO exchange_rates (id, org_id, currency, base_currency, rate, valid_on, source) VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)",
        [r.orgId, r.currency, r.baseCurrency, r.rate, r.validOn.toISOString().slice(0, 10), r.source],
      );
    for (const [index, u] of SCALE_USERS.entries()) {
      const id = `0193a000-0000-7000-8000-0000005ca1f${index}`;
      await client.query(
        "INSERT INTO users (id, org_id, email, name, role, password_hash) VALUES ($1, $2, $3, $4, $5, $6)",
        [id, SCALE_ORG_ID, u.email, u.name, u.role, passwordHash],
      );
    }
    await phase("customers", CUSTOMERS_SQL);
    await phase("invoices (staging)", STAGE_INVOICES_SQL);
    // Secondary indexes are rebuilt once after the bulk insert (a sort per index)
    // rather than updated row by row, and foreign keys are re-added, which checks
    // every row in one join instead of one lookup per row and key. Definitions
    // come from the catalog, so they are exactly the migrations' own.
    const foreignKeys = await dropForeignKeys(["invoices", "payments"]);
    const indexes = await dropSecondaryIndexes(["invoices", "payments"]);
    // The accounts table is built once at the end instead of by its triggers, statement by statement.
    for (const [table, trigger] of ACCOUNT_TRIGGERS)
      await client.query(`ALTER TABLE ${table} DISABLE TRIGGER "${trigger}"`);
    await phase("invoices", INSERT_INVOICES_SQL);
    await client.query('ALTER TABLE payments DISABLE TRIGGER "payments_sync_invoice_paid_insert"');
    await phase("payments", INSERT_PAYMENTS_SQL);
    await client.query('ALTER TABLE payments ENABLE TRIGGER "payments_sync_invoice_paid_insert"');
    await phase(`indexes (${indexes.length}, rebuilt)`, indexes.join(";\n\n"));
    await phase(`foreign keys (${foreignKeys.length}, re-added and checked)`, foreignKeys.join(";\n\n"));
    const mismatched = await phase("check: sum(payments) = paid_minor", CHECK_PAID_SQL);
    if (mismatched > 0)
      throw new Error(`${mismatched} invoices have paid_minor different from the sum of their payments.`);
    await phase("overdue accounts (staging)", STAGE_OVERDUE_SQL);
    await phase("collection cases", CASES_SQL);
    await phase("letters", LETTERS_SQL);
    await phase("contact history", CONTACTS_SQL);
    await phase("accounts and open balances by due date", ACCOUNTS_SQL);
    for (const [table, trigger] of ACCOUNT_TRIGGERS)
      await client.query(`ALTER TABLE ${table} ENABLE TRIGGER "${trigger}"`);
    await client.query("COMMIT");
    // Index-only scans need the visibility map; the planner needs statistics.
    await phase(
      "vacuum analyze",
      "VACUUM (ANALYZE) customers, invoices, payments, collection_cases, letters, contact_attempts, accounts, account_work, open_balances_by_due_date",
    );
    const started = performance.now();
    const db = createDb(connectionString);
    try {
      const rows = await refreshAccountWork(db, {
        orgId: SCALE_ORG_ID,
        now: instantAt(today, "12:00", SCALE_TIME_ZONE),
      });
      const done = {
        name: "worklist (stage policy, every account)",
        ms: Math.round(performance.now() - started),
        rows,
      };
      phases.push(done);
      opts.log?.(done);
    } finally {
      await db.$disconnect();
    }
    await phase("vacuum analyze account_work", "VACUUM (ANALYZE) account_work");
    return { today, phases };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** `$name` placeholders to `$1..$n` with their values, for node-postgres. */
function bindNamed(sql: string, params: Record<string, unknown>): { text: string; values: unknown[] } {
  const names: string[] = [];
  const text = sql.replace(/\$([a-z]+)\b/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`No value for $${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return { text, values: names.map((n) => params[n]) };
}

// Placeholders: $org, $seed, $customers, $invoices, $today, $tz.
// pg_temp.rnd(n, salt): a uniform [0, 1) number fixed by (row, salt, seed).
// pg_temp.sid(kind, n): a deterministic, ordered id (UUID v7 layout) per row.
const HELPERS_SQL = `
CREATE FUNCTION pg_temp.rnd(n bigint, salt bigint) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashint8extended(n, salt) & 9007199254740991)::float8 / 9007199254740992 $$;
CREATE FUNCTION pg_temp.sid(kind int, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (lpad(to_hex(n), 8, '0') || '-' || lpad(to_hex(kind), 4, '0') || '-7000-8000-00005ca1e000')::uuid $$;
CREATE FUNCTION pg_temp.pick(items text[], r float8) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT items[1 + floor(r * cardinality(items))::int] $$;`;

// Three customer profiles as in the demo (en/USD 45%, it/EUR 30%, nb/NOK 25%);
// reliability: 60% pay on time, 25% are slow, 15% stop paying.
const CUSTOMERS_SQL = `
CREATE TEMP TABLE scale_customers ON COMMIT DROP AS
SELECT c, pg_temp.sid(1, c) AS id,
  CASE WHEN r_lang < 0.45 THEN 'en' WHEN r_lang < 0.75 THEN 'it' ELSE 'nb' END AS language,
  CASE WHEN r_lang < 0.45 THEN 'USD' WHEN r_lang < 0.75 THEN 'EUR' ELSE 'NOK' END AS currency,
  CASE WHEN r_lang < 0.75 THEN 30 ELSE 14 END AS terms,
  CASE WHEN r_rel < 0.60 THEN 0.03 WHEN r_rel < 0.85 THEN 0.50 ELSE 0.90 END AS p_open_overdue,
  r_name1, r_name2, r_city
FROM (SELECT c, pg_temp.rnd(c, $seed + 1) AS r_lang, pg_temp.rnd(c, $seed + 2) AS r_rel, pg_temp.rnd(c, $seed + 3) AS r_name1,
        pg_temp.rnd(c, $seed + 4) AS r_name2, pg_temp.rnd(c, $seed + 5) AS r_city
      FROM generate_series(1, $customers::int) c) g;

INSERT INTO customers (id, org_id, reference, name, contact_person, email, phone, address_line1, postal_code, city, country, country_code, language, currency)
SELECT id, $org::uuid, 'C-' || lpad(c::text, 7, '0'),
  pg_temp.pick(ARRAY['Acme','Blue Ridge','Cascade','Driftwood','Evergreen','Foxhollow','Granite','Harborview','Ironclad','Juniper','Keystone','Lakeshore','Maple','Northwind','Oakridge','Pinecrest','Quarry Hill','Redwood','Silver Creek','Tidewater','Bellini','Rinaldi','Moretti','Conti','Galli','Santini','Fjord','Nordlys','Bjørkli','Havørn','Østfold','Ålesund','Grünerløkka','Mjøsa','Trollheimen','Kvaløya'], r_name1)
    || ' ' || pg_temp.pick(ARRAY['Fabrication','Logistics','Dental','Hospitality','Packaging','Farms','Builders','Marine','Security','Health','Furniture','Print','Bakery','Traders','Veterinary','Landscaping','Stoneworks','Analytics','Electric','Seafood','Meccanica','Ceramiche','Trasporti','Montasje','Regnskap','Transport','Byggevarer','Elektro'], r_name2)
    || ' ' || lpad(c::text, 6, '0')
    || CASE language WHEN 'en' THEN ' Inc.' WHEN 'it' THEN ' S.r.l.' ELSE ' AS' END,
  pg_temp.pick(ARRAY['Jordan Miller','Avery Chen','Giulia Rossi','Marco Bianchi','Ingrid Hansen','Ola Nordmann'], r_name2),
  'ap' || c || '@customer.example', '+47 22 55 ' || lpad((c % 10000)::text, 4, '0'),
  pg_temp.pick(ARRAY['Storgata 14','Via Roma 3','45 Commerce Way','Industriveien 7','Corso Italia 45','900 Main Street'], r_city),
  lpad((c % 9000 + 1000)::text, 4, '0'),
  pg_temp.pick(ARRAY['Oslo','Bergen','Milano','Torino','Boston, MA','Austin, TX'], r_city),
  CASE language WHEN 'en' THEN 'United States' WHEN 'it' THEN 'Italia' ELSE 'Norge' END,
  CASE language WHEN 'en' THEN 'US' WHEN 'it' THEN 'IT' ELSE 'NO' END,
  language::"Language", currency
FROM scale_customers;`;

// Issue dates climb steadily over two years up to yesterday, as in a real ledger.
// Open: 85% of invoices not yet due; of overdue ones, a share set by the
// customer's reliability (about 30% open overall). Some open invoices are part
// paid; some paid invoices were paid in two instalments.
const STAGE_INVOICES_SQL = `
CREATE TEMP TABLE scale_invoices ON COMMIT DROP AS
SELECT i, id, customer_id, currency, issue_date, due_date, amount, instalments, received_on,
  CASE WHEN NOT is_open THEN amount WHEN r_part < 0.30 THEN (amount * (20 + floor(r_share * 51)) / 100)::bigint ELSE 0 END AS paid
FROM (
  SELECT i, pg_temp.sid(2, i) AS id, c.id AS customer_id, c.currency, d.issue_date, d.issue_date + c.terms AS due_date,
    ((150 + floor(pg_temp.rnd(i, $seed + 11) * 17851)) * 100 + (ARRAY[0, 0, 50, 99, 25])[1 + floor(pg_temp.rnd(i, $seed + 12) * 5)::int])::bigint AS amount,
    CASE WHEN d.issue_date + c.terms >= $today::date THEN pg_temp.rnd(i, $seed + 13) < 0.85 ELSE pg_temp.rnd(i, $seed + 13) < c.p_open_overdue END AS is_open,
    pg_temp.rnd(i, $seed + 14) AS r_part, pg_temp.rnd(i, $seed + 15) AS r_share,
    CASE WHEN pg_temp.rnd(i, $seed + 16) < 0.12 THEN 2 ELSE 1 END AS instalments,
    LEAST($today::date - 1, GREATEST(d.issue_date, d.issue_date + c.terms + (floor(pg_temp.rnd(i, $seed + 17) * 38)::int - 12))) AS received_on
  FROM generate_series(1, $invoices::int) i
  JOIN scale_customers c ON c.c = 1 + floor(pg_temp.rnd(i, $seed + 10) * $customers::int)::int
  CROSS JOIN LATERAL (SELECT $today::date - 745 + ((i - 1)::bigint * 745 / $invoices::int)::int AS issue_date) d
) g;`;

const INSERT_INVOICES_SQL = `
INSERT INTO invoices (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency, paid_minor)
SELECT id, $org::uuid, customer_id,
  'INV-' || extract(year FROM issue_date) || '-' || lpad(i::text, 7, '0'), issue_date, due_date, amount, currency, paid
FROM scale_invoices ORDER BY i`;

// One payment per paid or part-paid invoice; a second instalment for some fully paid ones.
const INSERT_PAYMENTS_SQL = `
INSERT INTO payments (id, org_id, customer_id, invoice_id, amount_minor, currency, received_on, method, reference)
SELECT pg_temp.sid(3 + k, i), $org::uuid, customer_id, s.id, part, currency, CASE WHEN k = 0 THEN GREATEST(issue_date, received_on - 20) ELSE received_on END,
  (ARRAY['bank transfer', 'bank transfer', 'card', 'cheque'])[1 + i % 4], 'PMT-' || i || '-' || k
FROM scale_invoices s
CROSS JOIN LATERAL (
  SELECT 1 AS k, CASE WHEN s.instalments = 2 AND s.paid = s.amount THEN s.paid - s.paid * 2 / 5 ELSE s.paid END AS part
  UNION ALL
  SELECT 0, s.paid * 2 / 5 WHERE s.instalments = 2 AND s.paid = s.amount
) p
WHERE s.paid > 0 AND p.part > 0
ORDER BY i, k`;

// Rows returned are mismatches: must be none.
const CHECK_PAID_SQL = `
SELECT i.id FROM invoices i
LEFT JOIN (SELECT invoice_id, sum(amount_minor) AS paid FROM payments GROUP BY invoice_id) p ON p.invoice_id = i.id
WHERE i.org_id = $org::uuid AND i.paid_minor <> COALESCE(p.paid, 0)`;

// Accounts with an overdue open balance and how old their oldest overdue invoice is;
// the contact history follows the demo's pattern (email at 3 days, a call at 8,
// a collection case with letter 1 at 14 days, letter 2 at 30 for some).
const STAGE_OVERDUE_SQL = `
CREATE TEMP TABLE scale_overdue ON COMMIT DROP AS
SELECT row_number() OVER (ORDER BY customer_id) AS n, customer_id, currency, oldest_due, $today::date - oldest_due AS oldest,
  pg_temp.rnd(row_number() OVER (ORDER BY customer_id), $seed + 20) AS r1, pg_temp.rnd(row_number() OVER (ORDER BY customer_id), $seed + 21) AS r2
FROM (SELECT customer_id, currency, min(due_date) AS oldest_due FROM invoices
      WHERE org_id = $org::uuid AND paid_minor < amount_minor AND due_date < $today::date GROUP BY customer_id, currency) a`;

/** The accounts triggers that bulk generation switches off for its own statements (see the accounts migration); ACCOUNTS_SQL does their work once. */
const ACCOUNT_TRIGGERS = [
  ["invoices", "accounts_invoices_insert"],
  ["payments", "accounts_stale_insert"],
  ["collection_cases", "accounts_stale_insert"],
  ["letters", "accounts_stale_insert"],
  ["contact_attempts", "accounts_stale_insert"],
  ["collection_cases", "accounts_sort_cases_insert"],
  ["letters", "accounts_sort_letters"],
  ["contact_attempts", "accounts_sort_contacts"],
] as const;

const ACCOUNTS_SQL = `
-- Balances and the report's sort keys (account_sort_keys migration) in one insert: every
-- later UPDATE of 100,000 rows would rewrite all of accounts' indexes once more.
INSERT INTO accounts (org_id, customer_id, currency, open_minor, open_invoices, oldest_open_due, customer_name,
  current_minor, d1_30_minor, d31_60_minor, d61_90_minor, d90_plus_minor, last_contact_at, open_stage)
SELECT b.org_id, b.customer_id, b.currency, b.open_minor, b.open_invoices, b.oldest_open_due, c.name,
  b.b0, b.b1, b.b2, b.b3, b.b4, lc.last_at, st.stage
FROM (
  SELECT org_id, customer_id, currency,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor), 0) AS open_minor,
    count(*) FILTER (WHERE paid_minor < amount_minor) AS open_invoices,
    min(due_date) FILTER (WHERE paid_minor < amount_minor) AS oldest_open_due,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor AND due_date >= $today::date), 0) AS b0,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor AND due_date < $today::date AND due_date >= $today::date - 30), 0) AS b1,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor AND due_date < $today::date - 30 AND due_date >= $today::date - 60), 0) AS b2,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor AND due_date < $today::date - 60 AND due_date >= $today::date - 90), 0) AS b3,
    COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor AND due_date < $today::date - 90), 0) AS b4
  FROM invoices WHERE org_id = $org::uuid GROUP BY org_id, customer_id, currency
) b
JOIN customers c ON c.id = b.customer_id
LEFT JOIN (SELECT customer_id, max(occurred_at) AS last_at FROM contact_attempts WHERE org_id = $org::uuid GROUP BY customer_id) lc
  ON lc.customer_id = b.customer_id
LEFT JOIN (SELECT cc.customer_id, cc.currency, max(l.stage)::smallint AS stage FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
      WHERE cc.org_id = $org::uuid AND cc.closed_at IS NULL GROUP BY cc.customer_id, cc.currency) st
  ON st.customer_id = b.customer_id AND st.currency = b.currency;

INSERT INTO open_accounts_by_oldest_due (org_id, currency, oldest_open_due, accounts)
SELECT org_id, currency, oldest_open_due, count(*) FROM accounts WHERE org_id = $org::uuid AND open_minor > 0 GROUP BY 1, 2, 3;

-- The bucket amounts above are as of today.
UPDATE accounts_bucket_days SET day = $today::date WHERE org_id = $org::uuid;

INSERT INTO account_work (org_id, customer_id, currency) SELECT org_id, customer_id, currency FROM accounts WHERE org_id = $org::uuid;

INSERT INTO open_balances_by_due_date (org_id, currency, due_date, open_minor, open_invoices)
SELECT org_id, currency, due_date, sum(amount_minor - paid_minor), count(*)
FROM invoices WHERE org_id = $org::uuid AND paid_minor < amount_minor GROUP BY org_id, currency, due_date`;

const CASES_SQL = `
INSERT INTO collection_cases (id, org_id, customer_id, currency, opened_at)
SELECT pg_temp.sid(5, n), $org::uuid, customer_id, currency, (oldest_due + 14 + time '08:00') AT TIME ZONE $tz
FROM scale_overdue WHERE oldest >= 21`;

const LETTERS_SQL = `
CREATE TEMP TABLE scale_letters ON COMMIT DROP AS
SELECT pg_temp.sid(6, o.n * 2 + s.stage) AS id, pg_temp.sid(5, o.n) AS case_id, o.customer_id, o.currency, s.stage,
  o.oldest_due + CASE s.stage WHEN 1 THEN 14 ELSE 30 END AS sent_on
FROM scale_overdue o CROSS JOIN (VALUES (1), (2)) s(stage)
WHERE o.oldest >= 21 AND (s.stage = 1 OR (o.oldest >= 50 AND o.r1 < 0.6));

INSERT INTO letters (id, org_id, customer_id, case_id, stage, language, currency, subject, body, invoices, total_due_minor, deadline_date, content_sha256, sent_at)
SELECT l.id, $org::uuid, l.customer_id, l.case_id, l.stage, c.language, l.currency, 'Collection letter ' || l.stage, body, lines, total,
  l.sent_on + 14, encode(sha256(convert_to(body, 'UTF8')), 'hex'), (l.sent_on + time '11:00') AT TIME ZONE $tz
FROM scale_letters l
JOIN customers c ON c.id = l.customer_id
CROSS JOIN LATERAL (
  SELECT json_agg(json_build_object('number', i.number, 'issueDate', i.issue_date, 'dueDate', i.due_date,
      'amountMinor', i.amount_minor, 'openMinor', i.amount_minor - i.paid_minor) ORDER BY i.due_date) AS lines,
    COALESCE(sum(i.amount_minor - i.paid_minor), 0) AS total,
    'Stage ' || l.stage || ' collection letter (scale data).' || chr(10)
      || string_agg(i.number || ' due ' || i.due_date || ': ' || (i.amount_minor - i.paid_minor) || ' minor units open', chr(10) ORDER BY i.due_date)
      || chr(10) || 'Please pay by ' || (l.sent_on + 14) || '.' AS body
  FROM invoices i
  WHERE i.org_id = $org::uuid AND i.customer_id = l.customer_id AND i.paid_minor < i.amount_minor AND i.due_date < l.sent_on
) agg
ORDER BY l.id`;

const CONTACTS_SQL = `
INSERT INTO contact_attempts (id, org_id, customer_id, case_id, letter_id, occurred_at, channel, direction, outcome, note)
SELECT pg_temp.sid(7, row_number() OVER (ORDER BY at, customer_id)), $org::uuid, customer_id, case_id, letter_id, at,
  channel::"ContactChannel", direction::"ContactDirection", outcome::"ContactOutcome", note
FROM (
  SELECT customer_id, NULL::uuid AS case_id, NULL::uuid AS letter_id, (oldest_due + 3 + time '09:05') AT TIME ZONE $tz AS at,
    'EMAIL' AS channel, 'OUTBOUND' AS direction, 'SENT' AS outcome, 'Overdue notice emailed with invoice copy.' AS note
  FROM scale_overdue WHERE oldest >= 4
  UNION ALL
  SELECT customer_id, NULL, NULL, (oldest_due + 8 + time '14:30') AT TIME ZONE $tz, 'PHONE', 'OUTBOUND',
    (ARRAY['NO_ANSWER', 'VOICEMAIL', 'SPOKE'])[1 + floor(r2 * 3)::int], 'Follow-up call about the overdue balance.'
  FROM scale_overdue WHERE oldest >= 9
  UNION ALL
  SELECT customer_id, case_id, id, (sent_on + time '11:00') AT TIME ZONE $tz, 'LETTER', 'OUTBOUND', 'SENT', 'Letter ' || stage || ' posted.'
  FROM scale_letters
  UNION ALL
  SELECT customer_id, pg_temp.sid(5, n), NULL, (oldest_due + 19 + time '13:40') AT TIME ZONE $tz, 'EMAIL', 'INBOUND', 'REPLIED',
    'Customer replied: payment is being processed.'
  FROM scale_overdue WHERE oldest >= 21 AND r2 < 0.3
) h`;
