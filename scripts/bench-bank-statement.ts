// A 50,000-line camt.053 parsed, matched and recorded (issue 23's bench), against
// the bare INSERT of the same lines measured in the same run:
//   npx tsx scripts/bench-bank-statement.ts [lines=50000]
// Lines: 40% KID, 20% RF, 20% invoice number in the text, 10% payer only (review), 10% debits.
// The machine is shared, so wall time alone says little: each figure comes with this
// process's CPU time, the PostgreSQL backend's CPU time (read from /proc) and the load.

import { execSync } from "node:child_process";
import { readFileSync } from "node:fs";
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

/** CPU seconds (user + system) a PostgreSQL backend has used so far, from /proc (0 where it cannot be read). */
const ticks = Number(execSync("getconf CLK_TCK").toString().trim()) || 100;
function backendCpu(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /, "")
      .split(" ");
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return 0;
  }
}
const processCpu = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1e6;
};
interface Mark {
  wall: number;
  cpu: number;
  pg: number;
}
const mark = (pid: number): Mark => ({ wall: performance.now() / 1000, cpu: processCpu(), pg: backendCpu(pid) });
const span = (a: Mark, b: Mark) =>
  `wall ${(b.wall - a.wall).toFixed(2)} s, node CPU ${(b.cpu - a.cpu).toFixed(2)} s, PostgreSQL CPU ${(b.pg - a.pg).toFixed(2)} s`;

/**
 * BENCH_EXPLAIN=1: each INSERT of the recording also runs once under EXPLAIN ANALYZE
 * (in a savepoint, rolled back), printing where its time goes, triggers and foreign keys included.
 */
function explaining(tx: Prisma.TransactionClient): Prisma.TransactionClient {
  const wrap =
    (run: (q: Prisma.Sql) => Promise<unknown>) =>
    async (first: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
      const query = first instanceof Prisma.Sql ? first : Prisma.sql(first, ...values);
      if (/^\s*INSERT/i.test(query.sql)) {
        await tx.$executeRawUnsafe("SAVEPOINT bench_explain");
        const plan = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN (ANALYZE, COSTS OFF) ${query}`);
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT bench_explain");
        console.log(plan.map((r) => r["QUERY PLAN"]).join("\n"));
      }
      return run(query);
    };
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === "$queryRaw") return wrap((q) => target.$queryRaw(q));
      if (key === "$executeRaw") return wrap((q) => target.$executeRaw(q));
      return Reflect.get(target, key, receiver);
    },
  });
}

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

  const m0 = mark(0);
  const parsed = parseCamt(xml);
  const m1 = mark(0);
  const phases: [string, Mark][] = [];
  let pid = 0;
  let start: Mark = m1;
  const done = await db.$transaction(
    async (tx) => {
      pid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
      start = mark(pid);
      return recordStatementLines(
        process.env.BENCH_EXPLAIN ? explaining(tx) : tx,
        {
          orgId: org.id,
          statementId: statement.id,
          userId: user.id,
          today: "2026-12-06",
          now: new Date(),
          onPhase: (name) => phases.push([name, mark(pid)]),
        },
        parsed,
      );
    },
    { timeout: 30 * 60_000 },
  );
  const m2 = mark(pid);
  const full = m1.wall - m0.wall + (m2.wall - start.wall);
  console.log(`parse: ${span(m0, m1)}`);
  let before = start;
  for (const [name, at] of phases) {
    console.log(`  ${name.padEnd(26)} ${span(before, at)}`);
    before = at;
  }
  console.log(`  ${"commit".padEnd(26)} ${span(before, m2)}`);
  const cpu = m1.cpu - m0.cpu + (m2.cpu - start.cpu) + (m2.pg - start.pg);
  console.log(
    `parse + match + record: wall ${full.toFixed(2)} s, CPU ${cpu.toFixed(2)} s (node + PostgreSQL backend): ${(LINES / full).toFixed(0)} lines/s of wall, ${(LINES / cpu).toFixed(0)} lines per CPU second; ${JSON.stringify(done.counts)} by rule ${JSON.stringify(done.byRule)}, ${done.recordedPaymentIds.length} payments; ${load()}`,
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
  let bare: Mark[] = [];
  await db.$transaction(async (tx) => {
    const barePid = (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0].pid;
    bare = [mark(barePid)];
    for (let start = 0; start < rows.length; start += 5000) {
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO bench_bare_lines (id, org_id, statement_id, dedupe_key, booking_date, amount_minor, currency, credit, status)
        SELECT r.id, ${org.id}::uuid, ${statement.id}::uuid, r.dedupe_key, r.booking_date, r.amount_minor, r.currency, r.credit, 'review'
        FROM jsonb_to_recordset(${JSON.stringify(rows.slice(start, start + 5000))}::jsonb)
          AS r(id uuid, dedupe_key text, booking_date date, amount_minor bigint, currency text, credit boolean)`);
    }
    bare.push(mark(barePid));
  });
  const bareWall = bare[1].wall - bare[0].wall;
  const bareCpu = bare[1].cpu - bare[0].cpu + (bare[1].pg - bare[0].pg);
  console.log(
    `bare INSERT of the same lines: ${span(bare[0], bare[1])} (${(LINES / bareWall).toFixed(0)} lines/s); full path is ${(full / bareWall).toFixed(1)}x the bare insert in wall time, ${(cpu / bareCpu).toFixed(1)}x in CPU time; ${load()}`,
  );
} finally {
  await db.$disconnect();
  await database.drop();
  await server.stop();
}
