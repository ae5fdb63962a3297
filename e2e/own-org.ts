import { randomUUID } from "node:crypto";
import type { Browser } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/tooling/demo/seed-demo";
import { type Role, test } from "./fixtures";
import { expectStartPage } from "./start-page";

type StorageState = Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;

/**
 * An organization of the spec's own: a copy of the demo company (same customers, invoices and
 * history, new ids) with its own three users, so what the spec changes (letters sent, a bulk
 * send, imports, users) is seen by no other spec, and no spec depends on another's order.
 *
 * Call it once at the top of a spec file; `test.use(org.as("collector"))` signs in as that role
 * of this organization. The organization is seeded on first use, once per worker that loads the
 * file (a worker restarted after a failure seeds a fresh one).
 */
export function ownOrg(label: string) {
  const id = randomUUID();
  const domain = `${label}-${id.slice(0, 8)}.e2e.test`;
  const users = DEMO_USERS.map((u) => ({ ...u, email: u.email.replace("demo.dunningdesk.test", domain) }));
  let seeded: Promise<void> | undefined;
  const sessions = new Map<Role, Promise<StorageState>>();

  const seed = () => {
    seeded ??= (async () => {
      const db = createDb(process.env.E2E_DATABASE_URL!);
      try {
        const now = process.env.DUNNING_FROZEN_NOW ? new Date(process.env.DUNNING_FROZEN_NOW) : undefined;
        await seedDemo(db, { now, orgId: id, users });
      } finally {
        await db.$disconnect();
      }
    })();
    return seeded;
  };

  // Through the real sign-in form, once per role.
  const signIn = (browser: Browser, baseURL: string, role: Role) => {
    if (!sessions.has(role))
      sessions.set(
        role,
        (async () => {
          await seed();
          const user = users.find((u) => u.role.toLowerCase() === role)!;
          // Signed out: inside a test, browser.newContext() would start from the test's storageState.
          const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
          const page = await context.newPage();
          await page.goto("/sign-in");
          await page.getByLabel("Email").fill(user.email);
          await page.getByLabel("Password").fill(DEMO_PASSWORD);
          await page.getByRole("button", { name: "Sign in" }).click();
          await expectStartPage(page, user.role);
          const state = await context.storageState();
          await context.close();
          return state;
        })(),
      );
    return sessions.get(role)!;
  };

  // Seeded and signed in before the file's first test, so that work (tens of seconds on a busy
  // machine) counts against no test's timeout.
  test.beforeAll(async ({ browser }, testInfo) => {
    testInfo.setTimeout(180_000);
    await seed();
    for (const role of ["admin", "collector", "viewer"] as const)
      await signIn(browser, testInfo.project.use.baseURL!, role);
  });

  return {
    id,
    users,
    seed,
    signIn,
    /** For `test.use(...)`: the signed-in state of this organization's user with that role. */
    as: (role: Role) => ({
      storageState: async (
        { browser, baseURL }: { browser: Browser; baseURL: string | undefined },
        use: (state: StorageState) => Promise<void>,
      ) => use(await signIn(browser, baseURL!, role)),
    }),
  };
}
