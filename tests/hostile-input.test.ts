import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateOnlyField, idField, minorUnitsField, textField } from "@/lib/actions/fields";
import { type ActionResult, actionDefinition, MAX_FIELD_LENGTH, runAction } from "@/lib/actions/run-action";
import { notFound } from "@/lib/errors/app-error";
import { actionRegistry } from "@/tests/action-registry";
import { actionContextFor } from "./action-context";
import { actionFixture, actionTable, orgSnapshot } from "./action-table";
import { useTestDb } from "./db";
import { createContactAttempt, createCustomer, createOrg, createUser } from "./factories";

const db = useTestDb();

const TEN_MB = "x".repeat(10 * 1024 * 1024);
const SQL = "'; DROP TABLE users; --";
const HTML = `<script>alert("pwned")</script><img src=x onerror=alert(1)>`;

/** Values no field of any action accepts (text fields still refuse the wrong types and the 10 MB string). */
const hostileEverywhere: [string, unknown][] = [
  ["a number", 42],
  ["an object", { $gt: "" }],
  ["an array", ["a", "b"]],
  ["null", null],
  ["a boolean", true],
  ["NaN", Number.NaN],
  ["a 10 MB string", TEN_MB],
];
/** Values only free-text fields accept (as text). */
const hostileUnlessText: [string, unknown][] = [
  ["0000-00-00", "0000-00-00"],
  ["9999-12-31", "9999-12-31"],
  ["SQL", SQL],
  ["HTML", HTML],
  ["-1", "-1"],
  ["0.5", "0.5"],
];

function expectRefused(result: ActionResult<unknown>, codes: string[] = ["INVALID_INPUT"]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(codes).toContain(result.code);
  expect(result.message).toMatch(/^[A-Z].{5,200}$/); // a sentence, not a stack trace
  expect(JSON.stringify(result)).not.toMatch(/prisma|at .*\.ts|SELECT|scrypt/i);
}

// Each test builds its own organization, so the actions' tests run side by side.
describe.concurrent.each(actionRegistry.map((def) => [def.name, def] as const))("hostile input to %s", (name, def) => {
  const row = actionTable[name];
  const allowedRole = row.allowed[0];

  it("refuses every hostile field value with a clear error and changes nothing", async () => {
    const fx = await actionFixture(db, row.needs);
    const ctx = await actionContextFor(db, fx.users[allowedRole].id);
    const valid = row.validInput(fx);
    const before = await orgSnapshot(db, fx.org.id);
    for (const field of Object.keys(valid)) {
      const isText = row.textFields?.includes(field) ?? false;
      const isAmount = row.amountFields?.includes(field) ?? false;
      const isNumber = row.numberFields?.includes(field) ?? false;
      const notText = hostileUnlessText.filter(([label]) => !(isAmount && label === "0.5"));
      const everywhere = hostileEverywhere.filter(([label]) => !(isNumber && label === "a number"));
      const cases: [string, unknown][] = [["missing", undefined], ...everywhere, ...(isText ? [] : notText)];
      for (const [label, value] of cases) {
        const input = { ...valid, [field]: value };
        if (value === undefined) delete input[field];
        const result = await runAction(def, ctx, input);
        expect(result.ok, `${field} = ${label}`).toBe(false);
        expectRefused(result);
      }
    }
    for (const raw of [null, "userId=1", [valid], 42]) expectRefused(await runAction(def, ctx, raw));
    expect(await orgSnapshot(db, fx.org.id)).toEqual(before);
  });

  it.runIf(row.idFields?.length)(
    "answers another organization's ids with not found and changes nothing there",
    async () => {
      const fx = await actionFixture(db, row.needs);
      const theirs = await actionFixture(db); // only its users are used
      const ctx = await actionContextFor(db, fx.users[allowedRole].id);
      const theirsBefore = await orgSnapshot(db, theirs.org.id);
      const oursBefore = await orgSnapshot(db, fx.org.id);
      for (const field of row.idFields ?? []) {
        for (const id of [theirs.target.id, theirs.users.ADMIN.id, randomUUID()]) {
          expectRefused(await runAction(def, ctx, { ...row.validInput(fx), [field]: id }), ["NOT_FOUND"]);
        }
      }
      expect(await orgSnapshot(db, theirs.org.id)).toEqual(theirsBefore);
      expect(await orgSnapshot(db, fx.org.id)).toEqual(oursBefore);
    },
  );
});

describe("text is kept as text", () => {
  it("stores SQL and HTML in a name verbatim, harmlessly", async () => {
    const fx = await actionFixture(db);
    const ctx = await actionContextFor(db, fx.users.ADMIN.id);
    const email = `html-${Date.now()}@test.example`;
    const result = await runAction(actionRegistry.find((d) => d.name === "users.create")!, ctx, {
      email,
      name: `${HTML} ${SQL}`,
      role: "VIEWER",
      password: "long enough password",
    });
    expect(result).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe(`${HTML} ${SQL}`);
    expect(await db.user.count()).toBeGreaterThan(0); // the table is still there
  });
});

/** A sample action with every kind of field the collections actions use: an id, money, a date and a note. */
const recordPaymentNote = actionDefinition({
  name: "sample.record",
  roles: ["ADMIN", "COLLECTOR"],
  schema: z.object({
    customerId: idField("a customer"),
    amountMinor: minorUnitsField,
    receivedOn: dateOnlyField,
    note: textField(2000),
  }),
  run: async (ctx, input) => {
    const customer = await ctx.db.customer.findFirst({ where: { id: input.customerId, orgId: ctx.orgId } });
    if (!customer) throw notFound("That customer");
    const entry = await createContactAttempt(ctx.db, customer, {
      note: `${input.receivedOn} ${input.amountMinor}: ${input.note}`,
    });
    return { message: "Recorded.", data: { id: entry.id } };
  },
});

describe("hostile input to a sample money/date/text action", () => {
  async function setup() {
    const org = await createOrg(db);
    const customer = await createCustomer(db, org.id);
    const user = await createUser(db, org.id, "COLLECTOR");
    const otherCustomer = await createCustomer(db, (await createOrg(db)).id);
    return { org, customer, otherCustomer, ctx: await actionContextFor(db, user.id) };
  }
  const valid = (customerId: string) => ({
    customerId,
    amountMinor: "12550",
    receivedOn: "2026-06-30",
    note: "Paid by card.",
  });

  it("accepts a valid input, as form strings or JSON numbers", async () => {
    const { customer, ctx } = await setup();
    expect(await runAction(recordPaymentNote, ctx, valid(customer.id))).toMatchObject({ ok: true });
    expect(await runAction(recordPaymentNote, ctx, { ...valid(customer.id), amountMinor: 12550 })).toMatchObject({
      ok: true,
    });
    const form = new FormData();
    for (const [k, v] of Object.entries(valid(customer.id))) form.set(k, v);
    expect(await runAction(recordPaymentNote, ctx, form)).toMatchObject({ ok: true });
  });

  const table: [string, string, unknown, RegExp][] = [
    ["amountMinor", "negative", "-100", /whole number/],
    ["amountMinor", "negative number", -100, /above zero/],
    ["amountMinor", "fractional", "12.5", /whole number/],
    ["amountMinor", "fractional number", 12.5, /whole number/],
    ["amountMinor", "zero", "0", /above zero/],
    ["amountMinor", "NaN", Number.NaN, /./],
    ["amountMinor", "NaN string", "NaN", /whole number/],
    ["amountMinor", "Infinity", Number.POSITIVE_INFINITY, /./],
    ["amountMinor", "exponent", "1e3", /whole number/],
    ["amountMinor", "beyond safe integers", 2 ** 60, /too large|whole number/],
    ["amountMinor", "wrong type", { value: 1 }, /amount/i],
    ["receivedOn", "0000-00-00", "0000-00-00", /real date/],
    ["receivedOn", "9999-12-31", "9999-12-31", /between/],
    ["receivedOn", "2026-02-30", "2026-02-30", /real date/],
    ["receivedOn", "SQL", SQL, /real date/],
    ["receivedOn", "a number", 20260630, /date/i],
    ["customerId", "not a uuid", "1 OR 1=1", /Choose a customer/],
    ["customerId", "HTML", HTML, /Choose a customer/],
    ["note", "too long", "n".repeat(2001), /At most 2000/],
    ["note", "10 MB", TEN_MB, new RegExp(`longer than ${MAX_FIELD_LENGTH}`)],
    ["note", "wrong type", ["x"], /text/i],
  ];

  it.each(table)("%s %s: a clear error, nothing written", async (field, _label, value, message) => {
    const { org, customer, ctx } = await setup();
    const before = await orgSnapshot(db, org.id);
    const result = await runAction(recordPaymentNote, ctx, { ...valid(customer.id), [field]: value });
    expectRefused(result);
    if (!result.ok) expect([result.message, ...(result.fieldErrors?.[field] ?? [])].join(" ")).toMatch(message);
    expect(await orgSnapshot(db, org.id)).toEqual(before);
  });

  it("another organization's customer is not found; a missing field is named", async () => {
    const { org, customer, otherCustomer, ctx } = await setup();
    const before = await orgSnapshot(db, org.id);
    expect(await runAction(recordPaymentNote, ctx, valid(otherCustomer.id))).toEqual({
      ok: false,
      code: "NOT_FOUND",
      message: "That customer was not found.",
    });
    const { note: _note, ...withoutNote } = valid(customer.id);
    expect(await runAction(recordPaymentNote, ctx, withoutNote)).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await orgSnapshot(db, org.id)).toEqual(before);
    expect(await db.contactAttempt.count({ where: { customerId: otherCustomer.id } })).toBe(0);
  });

  it("keeps SQL and HTML in a note as text", async () => {
    const { customer, ctx } = await setup();
    const result = await runAction(recordPaymentNote, ctx, { ...valid(customer.id), note: `${SQL} ${HTML}` });
    expect(result).toMatchObject({ ok: true });
    const stored = await db.contactAttempt.findUniqueOrThrow({
      where: { id: (result as { data: { id: string } }).data.id },
    });
    expect(stored.note).toBe(`2026-06-30 12550: ${SQL} ${HTML}`);
  });
});
