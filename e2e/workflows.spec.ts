import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { runPolicySteps } from "@/lib/collections/run-policy-steps";
import { createDb } from "@/lib/db/client";
import { addDaysTo, dateOnlyToDb } from "@/lib/time/dates";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// An admin makes a "Consumers" policy (a courtesy reminder before the due date, a call
// after it) and a rule for consumers; a consumer customer then follows it over simulated
// days (the worker's policy pass run at each day), and the collector completes the call
// on Today. The server's clock is frozen at 2026-11-25 (scripts/test.ts): the invoice
// falls due on 23 Nov, so the reminder went on the 20th and the call is due on the 25th.
const org = ownOrg("workflows");
const TODAY = "2026-11-25";
const DUE = "2026-11-23";
const NOTES = "/work/notes/workflows-png";

const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(NOTES, { recursive: true });
  await page.screenshot({ path: `${NOTES}/${name}.png`, fullPage: true });
}

test.describe("collection policies", () => {
  test.describe.configure({ mode: "serial" });

  test.describe("the admin", () => {
    test.use(org.as("admin"));
    test("makes a Consumers policy with a pre-due reminder and a call task, and a rule for consumers", async ({
      page,
    }) => {
      await page.goto("/settings");
      await page.getByRole("link", { name: /Collection policies/ }).click();
      await expect(page.getByRole("heading", { name: "Collection policies", level: 1 })).toBeVisible();
      const editor = page.getByTestId("policy-editor-new");
      await editor.getByLabel("Name").fill("Consumers");
      await editor.getByRole("button", { name: "+ Courtesy reminder" }).click();
      await editor.getByRole("button", { name: "+ Phone call" }).click();
      // The call lands at the end: up four times, to just after the reminder.
      for (let i = 6; i > 2; i--) await editor.getByRole("button", { name: `Move step ${i} up` }).click();
      await editor.getByLabel("Step 2 days").fill("5");
      await editor.getByLabel("Step 2 task").fill("Call to check the invoice arrived");
      await editor.getByLabel("Step 3 days").fill("5");
      const steps = editor.getByTestId("policy-step");
      await expect(steps.nth(0)).toContainText("3 days before the due date");
      await expect(steps.nth(1)).toContainText("2 days after the due date");
      await expect(steps.nth(2)).toContainText("Letter 1");
      await expect(steps.nth(2)).toContainText("5 days after the due date");
      await editor.getByRole("button", { name: "Create policy" }).click();
      // Saved: the page comes back with the policy as a card of its own, and the new-policy form folded.
      await expect(page.getByRole("region", { name: "Policy Consumers" })).toBeVisible();

      await page.reload();
      const rules = page.getByTestId("policy-rules");
      await rules.getByRole("button", { name: "+ Rule" }).click();
      await rules.getByLabel("Rule 1 customer type").selectOption("consumer");
      await rules.getByRole("button", { name: "Save rules" }).click();
      await expect(rules.getByRole("status")).toContainText("1 rule saved");

      await page.reload();
      await expect(page.getByTestId("policy-card")).toHaveCount(1);
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        await shoot(page, `policy-editor-${size.width}`);
      }
      const [saved] = await query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events WHERE org_id = $1 AND kind IN ('workflow_policy.saved', 'workflow_rules.saved')`,
        [org.id],
      );
      expect(saved.n).toBe("2");
    });
  });

  test.describe("a consumer, over simulated days", () => {
    test.use(org.as("collector"));
    test("gets the reminder, then the call on Today, which the collector completes by logging it", async ({ page }) => {
      const db = createDb(process.env.E2E_DATABASE_URL!);
      const customer = await db.customer.create({
        data: {
          orgId: org.id,
          reference: `WF-${Date.now()}`,
          name: "Ada Lindqvist",
          type: "consumer",
          countryCode: "GB",
          currency: "GBP",
          language: "en",
          email: "ada.lindqvist@example.com",
          contactPerson: "Ada Lindqvist",
          addressLine1: "12 Mill Lane",
          postalCode: "OX1 2AB",
          city: "Oxford",
          country: "United Kingdom",
        },
      });
      await db.invoice.create({
        data: {
          orgId: org.id,
          customerId: customer.id,
          number: "INV-WF-1",
          issueDate: dateOnlyToDb("2026-10-24"),
          dueDate: dateOnlyToDb(DUE),
          amountMinor: 48_500n,
          currency: "GBP",
        },
      });
      const runs = () =>
        query<{ step_kind: string; run_on: Date; transport: string }>(
          `SELECT step_kind, run_on, transport FROM workflow_step_runs WHERE customer_id = $1 ORDER BY created_at`,
          [customer.id],
        );
      try {
        // The worker's daily pass, day by day up to today.
        for (let day = addDaysTo(DUE, -5); day <= TODAY; day = addDaysTo(day, 1)) {
          await runPolicySteps(db, { orgId: org.id, now: new Date(`${day}T10:00:00Z`) });
          if (day === addDaysTo(DUE, -4)) expect(await runs()).toHaveLength(0);
          if (day === addDaysTo(DUE, -3)) expect((await runs()).map((r) => r.step_kind)).toEqual(["reminder_email"]);
        }
      } finally {
        await db.$disconnect();
      }
      expect((await runs()).map((r) => r.step_kind)).toEqual(["reminder_email", "call_task"]);
      // The running worker sends the reminder (no SMTP here: kept in the app) and logs it in the history.
      await expect.poll(async () => (await runs())[0].transport, { timeout: 30_000 }).toBe("outbox");

      await page.goto("/today");
      const item = page.getByTestId("today-callBacks").getByTestId("today-item").filter({ hasText: "Ada Lindqvist" });
      await expect(item).toContainText("Consumers, step 2: Call to check the invoice arrived");
      await expect(item).toContainText("planned by the collection policy");
      await item.getByText("Complete: log the call").click();
      const form = item.getByTestId("complete-follow-up");
      await form.getByLabel("What happened").selectOption("call_spoke");
      await form.getByLabel("Note").fill("Ada had not seen the invoice; resent it, she pays on Friday.");
      await form.getByRole("button", { name: "Log the call and complete" }).click();
      await expect(page.getByTestId("today-callBacks").getByText("Ada Lindqvist")).toHaveCount(0);

      await page.goto(`/customers/${customer.id}`);
      const path = page.getByTestId("policy-path");
      await expect(path).toContainText("Policy Consumers");
      await expect(path).toContainText("rule 1: consumer");
      const stepStates = path.getByTestId("path-step");
      await expect(stepStates.nth(0)).toHaveAttribute("data-state", "done");
      await expect(stepStates.nth(1)).toHaveAttribute("data-state", "done");
      await expect(stepStates.nth(2)).toHaveAttribute("data-state", "planned");
      await expect(stepStates.nth(2)).toContainText(/28 Nov/);
      await expect(page.getByTestId("contact-history")).toContainText("Courtesy reminder (Consumers)");
      await expect(page.getByTestId("contact-history")).toContainText("resent it, she pays on Friday");
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        await path.scrollIntoViewIfNeeded();
        await shoot(page, `customer-path-${size.width}`);
      }
    });
  });
});
