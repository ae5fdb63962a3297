import { test as setup } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "@/tooling/demo/seed-demo";
import { expectStartPage } from "./start-page";

// Signs each demo role in through the real form once and saves the session.
for (const user of DEMO_USERS) {
  setup(`sign in as ${user.role.toLowerCase()}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    // Each role's start page (lib/users/start-page.ts): collectors land on Today, the others on the dashboard.
    await expectStartPage(page, user.role);
    await page.context().storageState({ path: `test-results/.auth/${user.role.toLowerCase()}.json` });
  });
}
