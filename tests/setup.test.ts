import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, inject, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createDb, type Db } from "@/lib/db/client";
import { databaseUrl } from "@/lib/db/embedded";
import { runSetupFromFile } from "@/lib/setup/run-setup";
import { issueSetupCode, SETUP_FREE_GUESSES, writeSetupCodeFile } from "@/lib/setup/setup-code";
import { setupFileSchema } from "@/lib/setup/setup-input";
import { submitSetup } from "@/lib/setup/submit-setup";
import { createMigratedDatabase } from "./test-database";

// Setup acts on a whole server ("no organization yet"), so every test here gets
// a brand-new migrated database of its own instead of the run's shared one.

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function emptyServer(): Promise<{ db: Db; url: string }> {
  const database = await createMigratedDatabase(databaseUrl(inject("testOwnerUrl"), "postgres"), "dd_setup");
  const db = createDb(database.url);
  cleanups.push(async () => {
    await db.$disconnect();
    await database.drop();
  });
  return { db, url: database.url };
}

const NOW = new Date("2026-03-02T09:00:00Z");
const form = (code: string, over: Record<string, string> = {}) => ({
  name: "Nordlys Verktøy AS",
  registrationNumber: "923 456 789",
  vatNumber: "NO923456789MVA",
  countryCode: "NO",
  timeZone: "Europe/Oslo",
  defaultCurrency: "NOK",
  locale: "nb-NO",
  addressLine1: "Storgata 12",
  addressLine2: "",
  postalCode: "0155",
  city: "Oslo",
  region: "",
  contactPerson: "Kari Nordmann",
  email: "regnskap@nordlys.example",
  phone: "+47 22 00 00 00",
  paymentInstructions: "Konto 1503.12.34567",
  adminName: "Kari Nordmann",
  adminEmail: `kari-${Date.now()}-${Math.random().toString(36).slice(2)}@nordlys.example`,
  adminPassword: "a long enough passphrase",
  code,
  ...over,
});

async function nothingCreated(db: Db) {
  expect(await db.organization.count()).toBe(0);
  expect(await db.user.count()).toBe(0);
  expect(await db.auditEvent.count()).toBe(0);
}

describe("web setup", () => {
  it("creates the organization and its first admin with the printed code, audited, and spends the code", async () => {
    const { db } = await emptyServer();
    const code = (await issueSetupCode(db))!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const input = form(code.toLowerCase()); // typed by hand: case and dashes do not matter
    const result = await submitSetup(db, input, NOW);
    expect(result).toMatchObject({ ok: true, data: { email: input.adminEmail } });

    const org = await db.organization.findFirstOrThrow();
    expect(org).toMatchObject({
      name: "Nordlys Verktøy AS",
      countryCode: "NO",
      country: "Norway",
      timeZone: "Europe/Oslo",
      defaultCurrency: "NOK",
      locale: "nb-NO",
      vatNumber: "NO923456789MVA",
    });
    const admin = await db.user.findFirstOrThrow({ where: { orgId: org.id } });
    expect(admin).toMatchObject({ role: "ADMIN", email: input.adminEmail, active: true });
    expect(await verifyPassword("a long enough passphrase", admin.passwordHash)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id } });
    expect(audit).toMatchObject({ kind: "organization.created", userId: admin.id });
    expect(await db.setupCode.count()).toBe(0);

    // The same code again, and any second setup: refused, nothing added.
    const again = await submitSetup(db, form(code), NOW);
    expect(again).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: "This server is already set up. Sign in instead.",
    });
    expect(await issueSetupCode(db)).toBeNull(); // a restart issues no new code either
    expect(await db.organization.count()).toBe(1);
    expect(await db.user.count()).toBe(1);
  });

  it("is refused without a code, before one was issued, and with a wrong code (counted)", async () => {
    const { db } = await emptyServer();
    const missing = await submitSetup(db, form(""), NOW);
    expect(missing).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { code: ["Enter the setup code."] },
    });
    const notIssued = await submitSetup(db, form("ABCD-EFGH-JKMN-PQRS"), NOW);
    expect(notIssued).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(notIssued.message).toMatch(/npm start/);

    const code = (await issueSetupCode(db))!;
    const wrong = await submitSetup(db, form("ABCD-EFGH-JKMN-PQRS"), NOW);
    expect(wrong).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(wrong.ok ? [] : wrong.fieldErrors?.code).toEqual([
      "That setup code is not right. Copy it from the console of npm start, or from .data/setup-code.",
    ]);
    expect((await db.setupCode.findUniqueOrThrow({ where: { id: 1 } })).failedAttempts).toBe(1);
    await nothingCreated(db);
    // The right code still works after one wrong guess.
    expect(await submitSetup(db, form(code), NOW)).toMatchObject({ ok: true });
  });

  it("locks the code after repeated wrong guesses, even against the right code, until the wait is over", async () => {
    const { db } = await emptyServer();
    const code = (await issueSetupCode(db))!;
    for (let i = 0; i < SETUP_FREE_GUESSES; i++)
      expect(await submitSetup(db, form(`WRNG-${i}AAA-BBBB-CCCC`), NOW)).toMatchObject({ code: "INVALID_INPUT" });
    const locked = await submitSetup(db, form(code), NOW);
    expect(locked).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(locked.message).toMatch(/^Too many wrong setup codes\. Try again after 09:15 UTC\.$/);
    await nothingCreated(db);
    const later = new Date(NOW.getTime() + 16 * 60_000);
    expect(await submitSetup(db, form(code), later)).toMatchObject({ ok: true });
  });

  it("refuses an unknown country, currency, time zone or locale field by field, creating nothing", async () => {
    const { db } = await emptyServer();
    const code = (await issueSetupCode(db))!;
    const result = await submitSetup(
      db,
      form(code, { countryCode: "XX", defaultCurrency: "ABC", timeZone: "Europe/Atlantis", locale: "not a locale" }),
      NOW,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "countryCode",
      "defaultCurrency",
      "locale",
      "timeZone",
    ]);
    expect(result.fieldErrors?.countryCode?.[0]).toMatch(/^Choose a country from the list/);
    expect(result.fieldErrors?.defaultCurrency?.[0]).toMatch(/^Choose a currency from the list/);
    await nothingCreated(db);
    // A refused form does not spend the code, nor count as a guess.
    expect((await db.setupCode.findUniqueOrThrow({ where: { id: 1 } })).failedAttempts).toBe(0);
  });

  it("writes the code to a file only its owner can read", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "dd-setup-")), "setup-code");
    writeFileSync(file, "old", { mode: 0o644 });
    writeSetupCodeFile("ABCD-EFGH-JKMN-PQRS", file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8")).toBe("ABCD-EFGH-JKMN-PQRS\n");
  });
});

describe("headless setup from a file", () => {
  const example = () => JSON.parse(readFileSync("docs/setup.example.json", "utf8"));

  it("npm run setup -- --from docs/setup.example.json sets up an empty server once", async () => {
    const { db, url } = await emptyServer();
    await issueSetupCode(db); // as after a first npm start: the file setup spends it too
    const run = () =>
      promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "scripts/setup.ts", "--from", "docs/setup.example.json"],
        {
          env: { ...process.env, DATABASE_URL: url },
        },
      );
    const { stdout } = await run();
    expect(stdout).toMatch(
      /Created Nordlys Verktøy AS \(.+\)\. kari@nordlys\.example can now sign in as its administrator\./,
    );
    const org = await db.organization.findFirstOrThrow({ include: { users: true } });
    expect(org).toMatchObject({ countryCode: "NO", timeZone: "Europe/Oslo", defaultCurrency: "NOK", locale: "nb-NO" });
    expect(org.users.map((u) => [u.email, u.role])).toEqual([["kari@nordlys.example", "ADMIN"]]);
    expect(await db.setupCode.count()).toBe(0);

    const second = await run().catch((error: { code: number; stderr: string }) => error);
    expect(second).toMatchObject({ code: 1 });
    expect((second as { stderr: string }).stderr).toMatch(/This server is already set up/);
    expect(await db.organization.count()).toBe(1);
    // Two runs of scripts/setup.ts under tsx, each migrating: over a minute on a loaded 2-core machine.
  }, 150_000);

  it("org:create adds an isolated organization; a bad file is refused line by line", async () => {
    const { db } = await emptyServer();
    const file = setupFileSchema.parse(example());
    await runSetupFromFile(db, file);
    await expect(runSetupFromFile(db, file)).rejects.toThrow("This server is already set up");
    const other = setupFileSchema.parse({
      organization: { ...example().organization, name: "Second AS" },
      admin: { ...example().admin, email: "second@example.test" },
    });
    const { org } = await runSetupFromFile(db, { ...other, another: true });
    expect(await db.organization.count()).toBe(2);
    expect((await db.user.findMany({ where: { orgId: org.id } })).map((u) => u.email)).toEqual(["second@example.test"]);

    const bad = setupFileSchema.safeParse({
      organization: { ...example().organization, countryCode: "ZZ", defaultCurrency: "EURO", colour: "blue" },
      admin: { name: "X", email: "x@example.test", password: "short" },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join(".")).sort();
    expect(paths).toEqual([
      "admin.password",
      "organization",
      "organization.countryCode",
      "organization.defaultCurrency",
    ]);
  });
});
