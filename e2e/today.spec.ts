import { DEMO_PASSWORD } from "@/tooling/demo/seed-demo";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Runs on a copy of the demo data of its own (it completes a call-back), clock frozen (scripts/test.ts).
const org = ownOrg("today");

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

test("a collector signs in, lands on Today, completes a due call-back with a logged call and sees it gone", async ({
  browser,
  baseURL,
}) => {
  await org.seed();
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(org.users.find((u) => u.role === "COLLECTOR")!.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/today$/);
  await expect(page.getByRole("heading", { name: "Today", level: 1 })).toBeVisible();

  const callBacks = page.getByTestId("today-callBacks");
  const [{ n }] = await query<{ n: string }>(
    `SELECT count(*) AS n FROM follow_ups WHERE org_id = $1 AND done_at IS NULL AND cancelled_at IS NULL
       AND due_on <= '2026-11-25'`,
    [org.id],
  );
  await expect(callBacks.getByTestId("count")).toHaveText(n);
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await screenshot(page, `today-${size.width}`);
  }
  await page.setViewportSize(WIDTHS[0]);

  // The oldest call-back first: open its account.
  const item = callBacks.getByTestId("today-item").first();
  const customerName = (await item.getByRole("link").first().innerText()).trim();
  await item.getByRole("link", { name: customerName }).click();
  await expect(page.getByRole("heading", { name: customerName })).toBeVisible();
  const panel = page.getByTestId("follow-ups");
  const open = panel.getByTestId("follow-up-open").first();
  await expect(open).toContainText("Overdue");
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await page.getByTestId("internal-notes").scrollIntoViewIfNeeded();
    await screenshot(page, `customer-tasks-${size.width}`);
  }
  await page.setViewportSize(WIDTHS[0]);

  await open.getByText("Complete: log the call").click();
  const form = open.getByTestId("complete-follow-up");
  await form.getByLabel("What happened").selectOption("call_spoke");
  await form.getByLabel("Note").fill("Spoke to the director: the payment goes out on Friday.");
  await form.getByRole("button", { name: "Log the call and complete" }).click();
  // The completed call-back leaves the open list (its form with it) and shows as done.
  await expect(panel.getByTestId("follow-up-done").first()).toContainText("Completed by");
  await expect(page.getByTestId("contact-history")).toContainText(
    "Spoke to the director: the payment goes out on Friday.",
  );

  await page.goto("/today");
  await expect(callBacks.getByTestId("count")).toHaveText(String(Number(n) - 1));
  await expect(callBacks.getByText(customerName)).toHaveCount(0);
  await context.close();
});

test.describe("as a viewer", () => {
  test.use(org.as("viewer"));

  test("sees open disputes and promises read-only, and Today without forms", async ({ page }) => {
    const [disputed] = await query<{ customer_id: string }>(
      `SELECT d.customer_id FROM invoice_disputes d WHERE d.org_id = $1
         AND NOT EXISTS (SELECT 1 FROM account_events e WHERE e.dispute_id = d.id) LIMIT 1`,
      [org.id],
    );
    await page.goto(`/customers/${disputed.customer_id}`);
    await expect(page.getByTestId("open-disputes").first()).toContainText("Disputed:");
    await expect(page.getByText("Resolve this dispute")).toHaveCount(0);
    await expect(page.getByText("Plan a call-back")).toHaveCount(0);
    await expect(page.getByTestId("internal-notes")).toBeVisible();
    await page.goto("/today");
    await expect(page.getByTestId("today-disputes").getByTestId("today-item").first()).toBeVisible();
    await expect(page.getByText("Complete: log the call")).toHaveCount(0);
  });
});
