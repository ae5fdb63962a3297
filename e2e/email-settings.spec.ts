import { smtpInbox } from "@/tests/smtp-inbox";
import { expect, problems, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Settings → Email as an administrator does it: a real SMTP listener that wants a login,
// the settings saved with the password (never shown again), a test email received, a wrong
// password reported with the server's own answer.

const org = ownOrg("email");
const PASSWORD = "e2e-Smtp-Pässword-42";
const smtp = smtpInbox({ auth: { user: "mailer", pass: PASSWORD } });
test.beforeAll(() => smtp.listen());
test.afterAll(() => smtp.close());

test.describe("as an admin", () => {
  test.use(org.as("admin"));

  test("saves the mail server, sends a test email, and reports a wrong password plainly", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /^Email/ }).click();
    await expect(page.getByRole("heading", { name: "Email", level: 1 })).toBeVisible();
    await expect(page.getByTestId("email-route")).toContainText("No server of your own yet");

    const form = page.getByTestId("email-settings-form");
    await form.getByLabel("SMTP server").fill("127.0.0.1");
    await form.getByLabel("Port").fill(String(smtp.port));
    await form.getByLabel("Security").selectOption("none");
    await form.getByLabel("User name").fill("mailer");
    await form.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await form.getByLabel("Sender name").fill("Demo Accounts");
    await form.getByLabel("Sender address").fill("accounts@demo.example");
    await form.getByLabel(/Accent colour/).fill("#1e3a8a");
    await form.getByRole("button", { name: "Save email settings" }).click();
    await expect(form.getByRole("status")).toContainText("Password set.");

    // Never shown again: not in the field, not anywhere in the page.
    await page.reload();
    await expect(page.getByLabel(/Password \(set; type a new one/)).toHaveValue("");
    expect(await page.content()).not.toContain(PASSWORD);
    await expect(page.getByTestId("email-route")).toContainText("through 127.0.0.1 as Demo Accounts");

    const to = `e2e-test-${Date.now()}@customer.example`;
    const test = page.getByTestId("email-test-form");
    await test.getByLabel("Send it to").fill(to);
    await test.getByRole("button", { name: "Send a test email" }).click();
    await expect(test.getByRole("status")).toContainText(`Sent to ${to}. The server answered: 250`);
    expect(smtp.mailTo(to)).toHaveLength(1);
    expect(await problems(page, "settings-email")).toEqual([]);
    await screenshot(page, "settings-email-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "settings-email-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    await form.getByLabel(/Password \(set/).fill("wrong-password");
    await form.getByRole("button", { name: "Save email settings" }).click();
    await expect(form.getByRole("status")).toContainText("Password replaced.");
    await test.getByRole("button", { name: "Send a test email" }).click();
    await expect(test.getByRole("status")).toContainText(
      "Not sent. The server refused the user name or password. The server answered: 535",
    );
    expect(smtp.mailTo(to)).toHaveLength(1);
    await screenshot(page, "settings-email-wrong-password-1440");
  });
});

test.describe("as a collector", () => {
  test.use(org.as("collector"));

  test("cannot see or change the settings", async ({ page }) => {
    await page.goto("/settings/email");
    await expect(page.getByText("Only an administrator can change the email settings.")).toBeVisible();
    await expect(page.getByTestId("email-settings-form")).toHaveCount(0);
  });
});
