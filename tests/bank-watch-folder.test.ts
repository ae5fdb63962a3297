import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { getBankStatementStatus } from "@/lib/bank/get-bank-statement-status";
import { bankStatementTasks } from "@/lib/bank/process-bank-statement";
import { importWatchedFolders, SETTLED_MS } from "@/lib/bank/watch-folder";
import { runDueJobs } from "@/lib/jobs/queue";
import { bankFixture, orgWithBankInvoices } from "./bank";
import { useTestDb } from "./db";

// The watched folder on a real disk (a temporary directory) and a real PostgreSQL:
// a file the bank's transfer dropped is received, queued, processed; a CSV and an
// unknown organization's folder are not; a file still being written waits.

const db = useTestDb();

describe("watched import folder", () => {
  it("receives settled camt files as bank statements (source folder), moves them to done/, a CSV to failed/ with the reason, leaves a fresh file", async () => {
    const f = await orgWithBankInvoices(db);
    const root = await mkdtemp(path.join(tmpdir(), "watch-"));
    const dir = path.join(root, f.org.id);
    await mkdir(dir);
    await mkdir(path.join(root, "00000000-0000-4000-8000-000000000000"));
    const now = new Date();
    const old = new Date(now.getTime() - SETTLED_MS - 1000);
    const drop = async (name: string, bytes: Buffer | string, at: Date) => {
      await writeFile(path.join(dir, name), bytes);
      await utimes(path.join(dir, name), at, at);
    };
    await drop("nordea.xml", bankFixture("nordea-camt053-v02.xml"), old);
    await drop("export.csv", "Date;Amount\n01.12.2026;100\n", old);
    await drop("writing.xml", bankFixture("dnb-camt054-v02-kid.xml"), now);
    await writeFile(path.join(root, "00000000-0000-4000-8000-000000000000", "x.xml"), "<x/>");

    const results = await importWatchedFolders(db, { root, now });
    expect(results).toEqual(
      expect.arrayContaining([
        { orgId: f.org.id, file: "nordea.xml", outcome: "received", statementId: expect.any(String) },
        { orgId: f.org.id, file: "export.csv", outcome: "failed", reason: expect.stringContaining("Import page") },
      ]),
    );
    expect(results).toHaveLength(2);
    expect((await readdir(dir)).sort()).toEqual(["done", "failed", "processing", "writing.xml"]);
    const done = await readdir(path.join(dir, "done"));
    expect(done).toEqual([expect.stringMatching(/-nordea\.xml$/)]);
    const failed = (await readdir(path.join(dir, "failed"))).sort();
    expect(failed).toEqual([
      expect.stringMatching(/-export\.csv$/),
      expect.stringMatching(/-export\.csv\.reason\.txt$/),
    ]);
    expect(await readFile(path.join(dir, "failed", failed[1]), "utf8")).toContain("Import page");
    // The unknown organization's folder is not touched.
    expect(await readdir(path.join(root, "00000000-0000-4000-8000-000000000000"))).toEqual(["x.xml"]);

    const received = results.find((r) => r.outcome === "received")!;
    const row = await db.bankStatement.findFirstOrThrow({ where: { orgId: f.org.id } });
    expect(row).toMatchObject({ source: "folder", fileName: "nordea.xml", createdById: null });
    await runDueJobs(inject("testDatabaseUrl"), bankStatementTasks(db));
    const status = await getBankStatementStatus(db, {
      orgId: f.org.id,
      id: (received as { statementId: string }).statementId,
    });
    expect(status).toMatchObject({
      status: "processed",
      counts: { lines: 3, matched: 1, review: 0, duplicates: 0, ignored: 2 },
    });

    // Nothing is taken twice: a second run finds only the file still being written.
    expect(await importWatchedFolders(db, { root, now })).toEqual([]);
    expect(await db.bankStatement.count({ where: { orgId: f.org.id } })).toBe(1);
    await rm(root, { recursive: true });
  });
});
