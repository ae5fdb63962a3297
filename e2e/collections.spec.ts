import { letterSha256 } from "@/lib/letters/compose-letter";
import { expect, query, screenshot, storageFor, test } from "./fixtures";

// Runs on the demo data with the clock frozen at 2026-11-25 (see scripts/test.ts).

test.describe("as a collector", () => {
  test.use({ storageState: storageFor("collector") });

  test("opens the worklist, previews and sends a letter, and finds it in the history exactly as sent", async ({ page }) => {
    await page.goto("/worklist");
    await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send all due letters" })).toBeVisible();
    await screenshot(page, "worklist");

    const preview = page.locator("[data-testid=worklist] tbody tr").getByRole("link", { name: /^Preview letter \d$/ }).first();
    const stage = (await preview.innerText()).slice(-1);
    await preview.click();
    await expect(page.getByRole("heading", { name: `Preview: letter ${stage} of 4` })).toBeVisible();
    const previewText = await page.getByTestId("letter-text").innerText();
    expect(previewText).toMatch(/ATTN: Accounts Department|Alla c\.a\. dell'Ufficio Amministrazione|Att\.: Regnskapsavdelingen/); // the customer's language
    expect(previewText).toContain("Aurora Components AS");
    await screenshot(page, "letter-preview");

    await page.getByRole("button", { name: `Send letter ${stage}` }).click();
    await expect(page.getByText(`Letter ${stage} sent and logged in the contact history.`)).toBeVisible();
    await screenshot(page, "letter-sent");
    const letterId = page.url().split("/").pop()!.split("?")[0];
    const [stored] = await query<{ subject: string; body: string; content_sha256: string; stage: number }>(
      "SELECT subject, body, content_sha256, stage FROM letters WHERE id = $1", [letterId]);
    expect(stored.stage).toBe(Number(stage));
    expect(stored.content_sha256).toBe(letterSha256(stored.subject, stored.body));
    await expect(page.getByTestId("letter-facts")).toContainText(stored.content_sha256);
    expect((await page.getByTestId("letter-text").innerText()).trim()).toBe(stored.body.trim());

    // The customer's history has the letter, and it opens exactly as sent.
    await page.getByRole("link", { name: /^← / }).click();
    const history = page.getByTestId("contact-history");
    await expect(history.getByRole("link", { name: `Open letter ${stage} as sent` }).last()).toBeVisible();
    await screenshot(page, "customer-collections");
    await history.getByRole("link", { name: `Open letter ${stage} as sent` }).last().click();
    expect((await page.getByTestId("letter-text").innerText()).trim()).toBe(stored.body.trim());

    // The account left today's worklist for that letter.
    await page.goto("/worklist");
    await expect(page.locator(`[data-testid=worklist] a[href="/customers/${await customerOf(letterId)}/letter-preview?currency=${await currencyOf(letterId)}"]`)).toHaveCount(0);
  });

  test("a bad amount gets a clear message next to the field and changes nothing", async ({ page }) => {
    await page.goto("/worklist");
    await page.locator("[data-testid=worklist] tbody tr td:first-child a").first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const customerId = page.url().split("/").pop()!;
    const before = await query<{ n: string }>("SELECT count(*)::text AS n FROM payments WHERE customer_id = $1", [customerId]);
    const form = page.getByTestId("form-payment");
    await form.locator("summary").click();
    await form.getByLabel("Amount").fill("12,3,4");
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(form.getByText('"12,3,4" is not an amount.')).toBeVisible();
    await expect(form.getByLabel("Amount")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Amount")).toHaveValue("12,3,4");
    await screenshot(page, "customer-forms-error");
    expect(await query("SELECT count(*)::text AS n FROM payments WHERE customer_id = $1", [customerId])).toEqual(before);
  });
});

async function customerOf(letterId: string) {
  return (await query<{ customer_id: string }>("SELECT customer_id FROM letters WHERE id = $1", [letterId]))[0].customer_id;
}
async function currencyOf(letterId: string) {
  return (await query<{ currency: string }>("SELECT currency FROM letters WHERE id = $1", [letterId]))[0].currency;
}

test.describe("as a viewer", () => {
  test.use({ storageState: storageFor("viewer") });

  test("sees the worklist and previews but no send button or forms", async ({ page }) => {
    await page.goto("/worklist");
    await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Send all due letters" })).toHaveCount(0);
    await page.locator("[data-testid=worklist] tbody tr").getByRole("link", { name: /^Preview letter \d$/ }).first().click();
    await expect(page.getByTestId("letter-text")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Send letter/ })).toHaveCount(0);
    await screenshot(page, "letter-preview-viewer");
    await page.getByRole("link", { name: "← Back to the customer" }).click();
    await expect(page.getByTestId("form-payment")).toHaveCount(0);
  });

  test("a forged send request from a viewer is refused and sends nothing", async ({ page, browser }) => {
    // Capture a real "send letter" request from a collector's page, without letting it through...
    const collector = await browser.newContext({ storageState: storageFor("collector") });
    const collectorPage = await collector.newPage();
    await collectorPage.goto("/worklist");
    await collectorPage.locator("[data-testid=worklist] tbody tr").getByRole("link", { name: /^Preview letter \d$/ }).first().click();
    await collectorPage.waitForURL(/letter-preview/);
    const previewUrl = collectorPage.url();
    const customerId = previewUrl.split("/customers/")[1].split("/")[0];
    let captured: { headers: Record<string, string>; body: Buffer } | null = null;
    await collectorPage.route(previewUrl, async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      captured = { headers: await request.allHeaders(), body: request.postDataBuffer()! };
      await route.abort();
    });
    await collectorPage.getByRole("button", { name: /^Send letter/ }).click();
    await expect.poll(() => captured !== null).toBe(true);
    await collector.close();

    // ...and replay it with the viewer's session.
    const lettersBefore = await query<{ n: string }>("SELECT count(*)::text AS n FROM letters WHERE customer_id = $1", [customerId]);
    const { headers, body } = captured!;
    const response = await page.request.post(previewUrl, {
      headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], accept: "text/x-component" },
      data: body,
    });
    const text = await response.text();
    expect(text).toContain("FORBIDDEN");
    expect(text).toContain("Your role does not allow this");
    expect(await query("SELECT count(*)::text AS n FROM letters WHERE customer_id = $1", [customerId])).toEqual(lettersBefore);
  });
});
