import { expect, problems, screenshot, storageFor, test } from "./fixtures";

// The customer form's salutation ("Ms Lowe") and state or province (US "TX"), at desktop
// and phone width: labelled, with their hints, nothing serious for axe, nothing wider than the screen.
const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

test.use({ storageState: storageFor("collector") });

for (const size of WIDTHS) {
  test(`the new-customer form at ${size.name} px asks for a salutation and a state`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/customers/new");
    await expect(page.getByLabel("Salutation")).toBeEditable();
    await expect(page.getByLabel("State or province")).toBeEditable();
    await page.getByLabel("Salutation").fill("Ms Lowe");
    await page.getByLabel("State or province").fill("TX");
    await screenshot(page, `customer-form-${size.name}`);
    expect(await problems(page, `customer form ${size.name}`)).toEqual([]);
  });
}
