import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";
import { expectStartPage } from "./start-page";

// On a copy of the demo data of its own: it adds and deactivates users and edits history behind the app's back.
const org = ownOrg("trust");

const CSP_VIOLATION = /Content Security Policy|Refused to (execute|load|apply)/i;

function watchForCspViolations(page: import("@playwright/test").Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (CSP_VIOLATION.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe("as admin", () => {
  test.use(org.as("admin"));

  test("manages users: add, role, reset password; markup in a name shows as text", async ({ page }) => {
    const violations = watchForCspViolations(page);
    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    for (const u of org.users) await expect(page.getByRole("cell", { name: u.email })).toBeVisible();
    const email = `new-${Date.now()}@demo.dunningdesk.test`;
    const name = `<b>Nina</b> Newhire`;
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption("VIEWER");
    await page.getByLabel(/First password/).fill("short");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.locator("#new-password-error")).toHaveText(/at least 12 characters/);
    await page.getByLabel(/First password/).fill("a long enough passphrase");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`can now sign in as ${email}`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: email });
    await expect(row.getByRole("cell", { name: name, exact: true })).toBeVisible(); // literal text, no <b> element
    await expect(page.locator("td b")).toHaveCount(0);
    await row.getByLabel(/^Role of/).selectOption("COLLECTOR");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByText(/is now collector/)).toBeVisible();
    expect((await query<{ role: string }>(`SELECT role FROM users WHERE email = $1`, [email]))[0].role).toBe(
      "COLLECTOR",
    );
    await row.locator("summary", { hasText: "Reset password" }).click();
    await row.getByLabel(/^New password for/).fill("another long passphrase");
    await row.getByRole("button", { name: "Set password" }).click();
    await expect(row.getByText(/password was changed/)).toBeVisible();
    await screenshot(page, "users");
    expect(violations).toEqual([]);
  });

  test("a password reset, then deactivation, each end a signed-in user's session at once", async ({
    page,
    browser,
    baseURL,
  }) => {
    const email = `leaver-${Date.now()}@demo.dunningdesk.test`;
    await page.goto("/users");
    await page.getByLabel("Name").fill("Lee Leaver");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/First password/).fill("leaver passphrase 1");
    await page.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByText(`can now sign in as ${email}`)).toBeVisible();

    const theirs = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const them = await theirs.newPage();
    const signIn = async (password: string) => {
      await them.goto("/sign-in");
      await them.getByLabel("Email").fill(email);
      await them.getByLabel("Password").fill(password);
      await them.getByRole("button", { name: "Sign in" }).click();
      // A new user is a collector: they start on Today (lib/users/start-page.ts).
      await expectStartPage(them, "COLLECTOR", { timeout: 15_000 });
    };
    await signIn("leaver passphrase 1");

    const row = page.getByRole("row").filter({ hasText: email });
    await row.locator("summary", { hasText: "Reset password" }).click();
    await row.getByLabel(/^New password for/).fill("leaver passphrase 2");
    await row.getByRole("button", { name: "Set password" }).click();
    await expect(row.getByText(/password was changed/)).toBeVisible();
    await them.reload();
    await expect(them).toHaveURL(/\/sign-in/);
    await signIn("leaver passphrase 2");

    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();
    await them.reload();
    await expect(them).toHaveURL(/\/sign-in/);
    await theirs.close();
  });
});

test.describe("as viewer", () => {
  test.use(org.as("viewer"));

  test("reads the audit log and verifies the history; a row edited behind the app's back is named", async ({
    page,
  }) => {
    const violations = watchForCspViolations(page);
    const response = await page.goto("/audit");
    const headers = response!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
    await expect(page.getByTestId("audit-log")).toContainText("signed in");

    await page.getByRole("button", { name: "Verify history" }).click();
    await expect(page.getByTestId("verify-result")).toContainText(/All \d+ history entries match/);
    await screenshot(page, "audit-verified");

    const [entry] = await query<{ id: string; note: string }>(
      `SELECT id, note FROM contact_attempts WHERE org_id = $1 ORDER BY seq LIMIT 1 OFFSET 3`,
      [org.id],
    );
    const edit = (note: string) =>
      query(
        `DO $$ BEGIN
        ALTER TABLE contact_attempts DISABLE TRIGGER history_append_only;
        UPDATE contact_attempts SET note = ${quote(note)} WHERE id = ${quote(entry.id)};
        ALTER TABLE contact_attempts ENABLE TRIGGER history_append_only;
      END $$`,
        [],
        { asOwner: true },
      );
    await edit("Customer paid in full.");
    try {
      await page.getByRole("button", { name: "Verify history" }).click();
      await expect(page.getByTestId("verify-result")).toContainText("The history does not verify.");
      await expect(page.getByTestId("verify-result")).toContainText(entry.id);
      await expect(page.getByTestId("verify-result")).toContainText("contact_attempts");
      await screenshot(page, "audit-mismatch");
    } finally {
      await edit(entry.note); // put it back: the chain verifies again
    }
    await page.getByRole("button", { name: "Verify history" }).click();
    await expect(page.getByTestId("verify-result")).toContainText(/All \d+ history entries match/);
    expect(violations).toEqual([]);
  });

  test("a server action posted from another origin is refused; the same post from here works", async ({
    page,
    baseURL,
  }) => {
    await page.goto("/audit");
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Verify history" }).click(),
    ]);
    await expect(page.getByTestId("verify-result")).toContainText(/history entries match/);
    const verifications = async () =>
      Number(
        (
          await query<{ n: string }>(
            `SELECT count(*) AS n FROM audit_events WHERE org_id = $1 AND kind = 'history.verified'`,
            [org.id],
          )
        )[0].n,
      );
    const replay = (origin: string) =>
      page.request.post(request.url(), {
        headers: {
          "next-action": request.headers()["next-action"],
          "content-type": request.headers()["content-type"],
          origin,
          accept: "text/x-component",
        },
        data: request.postDataBuffer() ?? "",
        maxRedirects: 0,
      });
    const before = await verifications();
    const foreign = await replay("https://evil.example");
    expect(foreign.ok()).toBe(false);
    expect(await verifications()).toBe(before);
    const local = await replay(new URL(baseURL!).origin);
    expect(local.ok()).toBe(true);
    expect(await verifications()).toBe(before + 1);
  });

  test("cannot see user management", async ({ page }) => {
    const response = await page.goto("/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not open to your role" })).toBeVisible();
    await expect(page.getByText("You are signed in as Vera Viewer, a viewer.")).toBeVisible();
  });
});

test.describe("as collector", () => {
  test.use(org.as("collector"));

  test("sees neither users nor the audit log, nor links to them", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    expect((await page.goto("/users"))?.status()).toBe(403);
    expect((await page.goto("/audit"))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "This page is not open to your role" })).toBeVisible();
    await screenshot(page, "forbidden-collector");
  });
});

function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
