// A 50,000-line camt.053 parsed, matched and recorded (issue 23's bench), against
// the bare INSERT of the same lines measured in the same run:
//   npx tsx scripts/bench-bank-statement.ts [lines=50000]
// Lines: 40% KID, 20% RF, 20% invoice number in the text, 10% payer only (review), 10% debits.

import { execSync } from "node:child_process";
import { invoiceKey } from "@/lib/bank/match-line";
import { parseCamt } from "@/lib/bank/parse-camt";
import { recordStatementLines } from "@/lib/bank/record-statement-lines";
import { createDb } from "@/lib/db/client";
import { uuid7 } from "@/lib/db/uuid";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildKid, buildRfReference } from "@/lib/iso/payment-reference";
import { createOrg, createUser } from "@/tests/factories";
import { createMigratedDatabase, startTestServer } from "@/tests/test-database";

const LINES = Number(process.argv[2] ?? 50_000);
const CUSTOMERS = 2000;
const load = () =>
  execSync("uptime")
    .toString()
    .trim()
    .replace(/.*load average: /, "load ");

const server = await startTestServer();
const database = await createMigratedDatabase(server.serverUrl, "dd_bench_bank");
const db = createDb(database.url);
try {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "ADMIN");
  await db.$executeRaw`
    INSERT INTO customers (id, org_id, reference, name, currency)
    SELECT gen_random_uuid(), ${org.id}::uuid, (10000 + g)::text, 'Kunde ' || g, 'NOK' FROM generate_series(0, ${CUSTOMERS - 1}) g`;
  const kid = (i: number) =>
    buildKid({
      mode: "mod10",
      length: 12,
      customerRef: String(10000 + (i % CUSTOMERS)),
      invoiceNumber: String(100000 + i),
    })!;
  const kids = Array.from({ length: LINES }, (_, i) => kid(i));
  await db.$executeRaw`
    WITH c AS (SELECT id, reference FROM customers WHERE org_id = ${org.id}::uuid)
    INSERT INTO invoices (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency, kid)
    SELECT gen_random_uuid(), ${org.id}::uuid, c.id, (100000 + g)::text, DATE '2026-10-01', DATE '2026-10-31', 100000 + g % 9000, 'NOK', k.kid
    FROM unnest(${kids}::text[]) WITH ORDINALITY AS k(kid, n) CROSS JOIN LATERAL (SELECT (k.n - 1)::int AS g) s
    JOIN c ON c.reference = (10000 + (s.g % ${CUSTOMERS}))::text`;
  const entries: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const amount = ((100000 + (i % 9000)) / 100).toFixed(2);
    const kind = i % 10;
    const rmt =
      kind < 4
        ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${kids[i]}</Ref></CdtrRefInf></Strd>`
        : kind < 6
          ? `<Strd><CdtrRefInf><Ref>${buildRfReference(invoiceKey(String(100000 + i)))}</Ref></CdtrRefInf></Strd>`
          : kind < 8
            ? `<Ustrd>Faktura ${100000 + i}</Ustrd>`
            : `<Ustrd>Betaling</Ustrd>`;
    const cd = kind === 9 ? "DBIT" : "CRDT";
    entries.push(
      `<Ntry><Amt Ccy="NOK">${amount}</Amt><CdtDbtInd>${cd}</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-01</Dt></BookgDt><AcctSvcrRef>B-${i}</AcctSvcrRef><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Kunde ${i % CUSTOMERS}</Nm></Dbtr></RltdPties><RmtInf>${rmt}</RmtInf></TxDtls></NtryDtls></Ntry>`,
    );
  }
  const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>B</MsgId></GrpHdr><Stmt><Id>S</Id><FrToDt><FrDtTm>2026-12-01T00:00:00</FrDtTm><ToDtTm>2026-12-01T23:59:59</ToDtTm></FrToDt><Acct><Id><IBAN>NO9386011117947</IBAN></Id><Ccy>NOK</Ccy></Acct>${entries.join("")}</Stmt></BkToCstmrStmt></Document>`;
  console.log(`${LINES} lines, ${(xml.length / 1024 / 1024).toFixed(1)} MB of camt.053; ${load()}`);
  const statement = await db.bankStatement.create({
    data: { orgId: org.id, source: "upload", byteSize: xml.length, sha256: "0".repeat(64), bytes: new Uint8Array(0) },
  });

  const t0 = performance.now();
  const parsed = parseCamt(xml);
  const t1 = performance.now();
  const done = await db.$transaction(
    (tx) =>
      recordStatementLines(
        tx,
        { orgId: org.id, statementId: statement.id, userId: user.id, today: "2026-12-06", now: new Date() },
        parsed,
      ),
    { timeout: 30 * 60_000 },
  );
  const t2 = performance.now();
  const full = (t2 - t0) / 1000;
  console.log(
    `parse ${((t1 - t0) / 1000).toFixed(2)} s, match + record ${((t2 - t1) / 1000).toFixed(2)} s: ${(LINES / full).toFixed(0)} lines/s; ${JSON.stringify(done.counts)} by rule ${JSON.stringify(done.byRule)}, ${done.recordedPaymentIds.length} payments; ${load()}`,
  );

  // The floor: the same lines, already parsed, INSERTed bare into a copy of bank_lines.
  await db.$executeRawUnsafe("CREATE TABLE bench_bare_lines (LIKE bank_lines INCLUDING DEFAULTS)");
  const rows = parsed.lines.map((l) => ({
    id: uuid7(),
    dedupe_key: l.dedupeKey,
    booking_date: l.bookingDate,
    amount_minor: l.amountMinor,
    currency: l.currency,
    credit: l.credit,
  }));
  const t3 = performance.now();
  for (let start = 0; start < rows.length; start += 5000) {
    await db.$executeRaw(Prisma.sql`
      INSERT INTO bench_bare_lines (id, org_id, statement_id, dedupe_key, booking_date, amount_minor, currency, credit, status)
      SELECT r.id, ${org.id}::uuid, ${statement.id}::uuid, r.dedupe_key, r.booking_date, r.amount_minor, r.currency, r.credit, 'review'
      FROM jsonb_to_recordset(${JSON.stringify(rows.slice(start, start + 5000))}::jsonb)
        AS r(id uuid, dedupe_key text, booking_date date, amount_minor bigint, currency text, credit boolean)`);
  }
  const bare = (performance.now() - t3) / 1000;
  console.log(
    `bare INSERT of the same lines ${bare.toFixed(2)} s (${(LINES / bare).toFixed(0)} lines/s); full path is ${(full / bare).toFixed(1)}x the bare insert; ${load()}`,
  );
} finally {
  await db.$disconnect();
  await database.drop();
  await server.stop();
}
