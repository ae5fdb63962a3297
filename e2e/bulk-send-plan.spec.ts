import type { Page } from "@playwright/test";
import { expect, problems, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// "Send all due letters" shows its plan first, and the worklist's ticked accounts narrow
// it, pause their dunning or go to a collector. A copy of the demo data of its own, clock frozen at 2026-11-25.
const org = ownOrg("bulk-plan");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

const rows = (page: Page) => page.locator("[data-testid=worklist] tbody tr");
const dueRows = (page: Page) => rows(page).filter({ has: page.getByRole("link", { name: /^Preview letter \d$/ }) });

/** Screenshots at both widths, and no serious or critical axe finding or sideways scroll at either. */
async function bothWidths(page: Page, name: string) {
  const found = await problems(page, `${name} at 1440`);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize(PHONE);
  found.push(...(await problems(page, `${name} at 390`)));
  await screenshot(page, `${name}-390`);
  await page.setViewportSize(DESKTOP);
  expect(found).toEqual([]);
}

// axe at two widths and a run on the worker, on a shared 2-core machine.
test.describe.configure({ mode: "serial", timeout: 240_000 });
test.use(org.as("collector"));

test("ticked accounts: plan only their letters, pause their dunning, or assign them", async ({ page }) => {
  await page.goto("/worklist");
  const first = dueRows(page).nth(0);
  const second = dueRows(page).nth(1);
  const names = [await first.getAttribute("data-customer"), await second.getAttribute("data-customer")] as string[];
  await first.getByRole("checkbox").check();
  await second.getByRole("checkbox").check();
  await bothWidths(page, "worklist-selection");

  const toolbar = page.getByTestId("selection-toolbar");
  await toolbar.getByRole("button", { name: "Plan their letters" }).click();
  await expect(page.getByRole("heading", { name: "Send due letters: the plan" })).toBeVisible();
  await expect(page.getByText("for the 2 accounts you ticked")).toBeVisible();
  await expect(page.getByRole("heading", { name: "2 letters to send" })).toBeVisible();
  const listed = await page.getByTestId("plan-list").getByRole("link").allInnerTexts();
  expect(listed).toEqual(names);

  // Pausing: nothing ticked is refused; one ticked with a reason is paused and leaves the worklist.
  await page.goto("/worklist");
  await toolbar.getByLabel("Pause reason").fill("Disputes the whole order; waiting for the sales team");
  await toolbar.getByRole("button", { name: "Pause dunning" }).click();
  await expect(toolbar.getByRole("status")).toHaveText("Tick at least one account.");
  const pausedName = names[0];
  const row = (name: string) => page.locator(`[data-testid=worklist] tbody tr[data-customer="${name}"]`);
  await row(pausedName).getByRole("checkbox").check();
  await toolbar.getByRole("button", { name: "Pause dunning" }).click();
  await expect(toolbar.getByRole("status")).toHaveText("Dunning paused for 1 customer.");
  await expect(row(pausedName)).toHaveCount(0);
  await expect(page.locator("section[aria-labelledby=paused-heading]")).toContainText(pausedName);

  // Assigning: the other ticked account goes to someone who does not work it yet (the demo
  // already gives some accounts to the admin); its row then says who works it.
  const assigned = names[1];
  const before = await row(assigned).getByTestId("assigned-to").innerText();
  const [to, role] = before.includes("Astrid Admin") ? ["Colin Collector", "collector"] : ["Astrid Admin", "admin"];
  await row(assigned).getByRole("checkbox").check();
  await toolbar.getByLabel("Assign to").selectOption({ label: `${to} (${role})` });
  await toolbar.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(toolbar.getByRole("status")).toHaveText(`1 customer assigned to ${to}.`);
  await expect(row(assigned).getByTestId("assigned-to")).toHaveText(`Assigned to ${to}`);
});

test("the plan of every due letter calls out letter 4, refuses a stale confirmation, then sends exactly the plan", async ({
  page,
}) => {
  // An account after letter 3's deadline is handed to an agency, so its letter 4 is due.
  await page.goto("/worklist");
  const review = rows(page).filter({ hasText: "Hand-off review" }).first();
  const handedOver = (await review.getAttribute("data-customer"))!;
  await review.getByRole("link", { name: "Open account" }).click();
  const form = page.getByTestId("form-handoff");
  // The form's own summary; the agency's details are a panel inside it (open when none is saved).
  await form.locator("summary").first().click();
  await form.getByLabel("Agency", { exact: true }).fill("Nordic Recovery AS");
  await form.getByLabel("Agency reference").fill("NR-7710");
  await form.getByRole("button", { name: "Record hand-off" }).click();
  await page
    .getByRole("dialog", { name: "Hand this account to the agency?" })
    .getByRole("button", { name: "Record hand-off" })
    .click();
  await expect(page.locator("[data-testid^=collections-]").first()).toContainText("Handed to Nordic Recovery AS");

  await page.goto("/worklist");
  await page.getByRole("link", { name: "Send all due letters…" }).click();
  await expect(page.getByRole("heading", { name: "Send due letters: the plan" })).toBeVisible();
  const letter4 = page.getByTestId("plan-letter4");
  await expect(letter4).toContainText("by registered mail");
  await expect(letter4).toContainText(handedOver);
  const counts = page.getByTestId("plan-counts");
  await expect(counts.getByRole("row", { name: /^Letter 4 \(final, registered mail\)/ })).toBeVisible();
  const heading = page.getByRole("heading", { name: /^\d+ letters? to send$/ });
  const planned = Number(/^(\d+)/.exec(await heading.innerText())![1]);
  expect(planned).toBeGreaterThan(1);
  await expect(page.getByTestId("plan-skipped")).toContainText("Dunning paused");
  await bothWidths(page, "send-plan");

  // A planned account is paused behind the collector's back: the confirmation is refused, the fresh plan shown.
  const firstPlanned = page.getByTestId("plan-list").locator("a").first(); // folded away: many letters
  const changedId = (await firstPlanned.getAttribute("href"))!.split("/").pop()!;
  await query("UPDATE customers SET dunning_paused_reason = 'Paused by a colleague' WHERE id = $1", [changedId]);
  const confirm = page.getByTestId("confirm-plan");
  await confirm.getByRole("button", { name: `Confirm and send ${planned} letters` }).click();
  await expect(confirm.getByRole("status")).toHaveText(
    `The plan changed since it was shown (now ${planned - 1} letter${planned - 1 === 1 ? "" : "s"}): nothing was sent. Check the new plan and confirm again.`,
  );
  await expect(page.getByRole("heading", { name: new RegExp(`^${planned - 1} letters? to send$`) })).toBeVisible();
  await screenshot(page, "send-plan-stale");
  expect(await query("SELECT id FROM bulk_sends WHERE org_id = $1", [org.id])).toEqual([]);

  // Confirming the fresh plan sends it, with progress and a result per account.
  await confirm.getByRole("button", { name: /^Confirm and send \d+ letters?$/ }).click();
  await expect(confirm.getByRole("status")).toHaveText(/^(Sending \d+ letters?…|Sending: \d+ of \d+ done…|Done: .*)$/);
  await expect(confirm.getByRole("status")).toHaveText(/^Done: \d+ sent, \d+ skipped\.$/, { timeout: 60_000 });
  await expect(confirm.getByRole("list", { name: "Results per account" }).getByRole("listitem")).toHaveCount(
    planned - 1,
  );
  await bothWidths(page, "send-plan-done");
  const [run] = await query<{ total: number; planned: { customerId: string; stage: number }[] }>(
    "SELECT total, planned FROM bulk_sends WHERE org_id = $1",
    [org.id],
  );
  expect(run.total).toBe(planned - 1);
  expect(run.planned.map((p) => p.customerId)).not.toContain(changedId);
  const [sent4] = await query<{ n: string }>(
    "SELECT count(*)::text AS n FROM letters l JOIN customers c ON c.id = l.customer_id WHERE l.org_id = $1 AND l.stage = 4 AND c.name = $2 AND l.registered_mail",
    [org.id, handedOver],
  );
  expect(Number(sent4.n)).toBe(1);
});
