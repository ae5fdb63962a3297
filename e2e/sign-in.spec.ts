import { DEMO_PASSWORD } from "@/tooling/demo/seed-demo";
import { expect, test } from "./fixtures";
import { expectStartPage } from "./start-page";

test("a visitor without a session is sent to sign in", async ({ page }) => {
  await page.goto("/customers/00000000-0000-7000-8000-000000000000");
  // The page that asked is remembered, so sign-in can return to it.
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers%2F00000000-0000-7000-8000-000000000000$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("a wrong password shows a clear message and keeps the email", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("collector@demo.dunningdesk.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("collector@demo.dunningdesk.test");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("sign in, see the report, sign out", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("viewer@demo.dunningdesk.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectStartPage(page, "VIEWER");
  await expect(page.getByText("Vera Viewer · Viewer")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an expired or forged session is treated as signed out", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "authjs.session-token", value: "forged.or.expired", url: baseURL! }]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("an empty sign-in form gets a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email.")).toBeVisible();
});
