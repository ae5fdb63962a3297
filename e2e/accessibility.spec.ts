import { DEMO_ORG_ID } from "@/tooling/demo/seed-demo";
import { expect, problems, query, screenshot, storageFor, test } from "./fixtures";
import { expectStartPage } from "./start-page";

// Every page, at desktop and phone width: no axe violation rated serious or critical,
// nothing wider than the screen, and a screenshot of each to look at.
const WIDTHS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function pages(): Promise<{ name: string; path: string }[]> {
  const [account] = await query<{ customer_id: string; currency: string }>(
    // The demo company's: the specs that change data have organizations of their own beside it.
    "SELECT customer_id, currency FROM accounts WHERE org_id = $1 AND open_minor > 0 ORDER BY oldest_open_due LIMIT 1",
    [DEMO_ORG_ID],
  );
  const [letter] = await query<{ id: string }>("SELECT id FROM letters WHERE org_id = $1 ORDER BY sent_at LIMIT 1", [
    DEMO_ORG_ID,
  ]);
  const list = [
    { name: "dashboard", path: "/dashboard" },
    { name: "aging-report", path: "/" },
    { name: "today", path: "/today" },
    { name: "worklist", path: "/worklist" },
    { name: "send-plan", path: "/worklist/send-plan" },
    { name: "customers", path: "/customers" },
    { name: "customer-new", path: "/customers/new" },
    { name: "customer", path: `/customers/${account.customer_id}` },
    { name: "customer-edit", path: `/customers/${account.customer_id}/edit` },
    { name: "letter-preview", path: `/customers/${account.customer_id}/letter-preview?currency=${account.currency}` },
    { name: "print", path: "/print" },
    { name: "outbox", path: "/outbox" },
    { name: "import", path: "/import" },
    { name: "audit", path: "/audit" },
    { name: "settings", path: "/settings" },
    { name: "settings-organization", path: "/settings/organization" },
    { name: "settings-policy", path: "/settings/policy" },
    { name: "settings-letterhead", path: "/settings/letterhead" },
    { name: "settings-email", path: "/settings/email" },
    { name: "settings-templates", path: "/settings/templates" },
    { name: "settings-law", path: "/settings/law" },
    { name: "settings-rates", path: "/settings/rates" },
    { name: "users", path: "/users" },
  ];
  if (letter) list.push({ name: "letter", path: `/letters/${letter.id}` });
  return list;
}

test.describe("every page, by keyboard and on a phone", () => {
  test.use({ storageState: storageFor("admin") });

  for (const size of WIDTHS) {
    test(`admin pages at ${size.width} px pass axe and fit the screen`, async ({ page }) => {
      test.setTimeout(300_000); // 18 pages, each through axe, on a shared 2-core machine
      await page.setViewportSize({ width: size.width, height: size.height });
      // Every page is checked before the verdict, so one run names every problem.
      const found: string[] = [];
      for (const target of await pages()) {
        await page.goto(target.path);
        await expect(page.locator("main")).toBeVisible();
        found.push(...(await problems(page, `${target.name} at ${size.width}`)));
        await screenshot(page, `a11y-${target.name}-${size.name}`);
      }
      expect(found).toEqual([]);
    });
  }

  test("the phone menu opens by keyboard and the skip link goes to the content", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/worklist");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#main$/);
    const menu = page.getByText("Menu", { exact: true });
    await menu.focus();
    await page.keyboard.press("Enter");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Aging report" })).toBeVisible();
    await screenshot(page, "a11y-phone-menu-open");
    await nav.getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  });
});

test("the sign-in page passes axe at both widths", async ({ page }) => {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/sign-in");
    expect(await problems(page, `sign-in at ${size.width}`)).toEqual([]);
    await screenshot(page, `a11y-sign-in-${size.name}`);
  }
});

test("signing in returns to the page that asked for it, never to another site", async ({ page }) => {
  await page.goto("/worklist?view=mine");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fworklist%3Fview%3Dmine$/);
  await page.getByLabel("Email").fill("viewer@demo.dunningdesk.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/worklist\?view=mine$/);

  await page.context().clearCookies();
  await page.goto("/sign-in?next=//evil.example/phish");
  await page.getByLabel("Email").fill("viewer@demo.dunningdesk.test");
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectStartPage(page, "VIEWER");
  expect(new URL(page.url()).hostname).toBe("localhost");
});
