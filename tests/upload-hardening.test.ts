import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_COLUMNS, receiveImportFile } from "@/lib/imports/receive-import-file";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";

// Issue 14, items 1 and 5: a small hostile header must not block the server,
// and a slow client must not hold a pooled database connection.
const db = useTestDb();

async function who() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  return { orgId: org.id, userId: user.id };
}

async function* once(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text);
}

describe("upload hardening", () => {
  it("refuses a 64 KB header of 16,000 equal cells at once, with a clear message", async () => {
    const started = Date.now();
    await expect(
      receiveImportFile(db, {
        ...(await who()),
        kind: "invoices",
        fileName: "wide.csv",
        body: once(`${"a,".repeat(16_000)}\n1,2\n`),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining(`at most ${MAX_COLUMNS}`) });
    // Quadratic naming took 117 s; linear work is well under a second (15 s leaves room for a loaded machine).
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it("names repeated columns apart in linear time, up to the column limit", async () => {
    const imp = await receiveImportFile(db, {
      ...(await who()),
      kind: "invoices",
      fileName: "repeats.csv",
      body: once(`${Array(MAX_COLUMNS).fill("a").join(",")}\n`),
    });
    expect((imp.headers as string[]).slice(0, 3)).toEqual(["a", "a (2)", "a (3)"]);
    expect(new Set(imp.headers as string[]).size).toBe(MAX_COLUMNS);
  });

  it("refuses a header cell that is not a column name", async () => {
    await expect(
      receiveImportFile(db, {
        ...(await who()),
        kind: "invoices",
        fileName: "long.csv",
        body: once(`Invoice,${"x".repeat(5_000)}\n1,2\n`),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("Column 2 of the first row") });
  });

  it("holds no pooled connection while a slow client uploads, and drops a stalled upload", async () => {
    // A pool of one: if the upload held a connection, the query below would wait for it.
    const pool1 = new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("testDatabaseUrl"), max: 1 }) });
    afterAll(() => pool1.$disconnect());
    async function* stalls(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("Invoice,Customer\n");
      await new Promise(() => {}); // the client never sends the rest
    }
    const upload = receiveImportFile(pool1, {
      ...(await who()),
      kind: "invoices",
      fileName: "slow.csv",
      body: stalls(),
      idleMs: 1_500,
    });
    const outcome = upload.then(
      () => "stored",
      (e: { code?: string }) => e.code,
    );
    await new Promise((r) => setTimeout(r, 300));
    const answered = await Promise.race([
      pool1.$queryRaw`SELECT 1`.then(() => "answered"),
      new Promise((r) => setTimeout(() => r("waited for the upload's connection"), 1_000)),
    ]);
    expect(answered).toBe("answered");
    expect(await outcome).toBe("TIMEOUT");
  });
});
