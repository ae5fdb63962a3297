import { expect, screenshot, storageFor, test } from "./fixtures";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

test.describe("as admin", () => {
  test.use({ storageState: storageFor("admin") });

  test("settings gathers policy, letterhead, templates and users", async ({ page }) => {
    await page.goto("/");
    await nav(page).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
    for (const name of ["Collection policy", "Letterhead", "Letter templates", "Users"]) {
      await expect(page.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await page.getByRole("link", { name: /^Users/ }).click();
    await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    await expect(nav(page).getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
    await screenshot(page, "settings-users");
  });
});

test.describe("as viewer", () => {
  test.use({ storageState: storageFor("viewer") });

  test("sees only what a viewer can use", async ({ page }) => {
    await page.goto("/settings");
    await expect(nav(page).getByRole("link", { name: "Import" })).toHaveCount(0);
    await expect(nav(page).getByRole("link", { name: "Print" })).toHaveCount(0);
    await expect(page.getByText("Read only: administrators change the policy.")).toBeVisible();
    await expect(page.getByRole("link", { name: /^Users/ })).toHaveCount(0);
    await screenshot(page, "settings-viewer");
  });
});
