import { letterSha256 } from "@/lib/letters/compose-letter";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Runs on a copy of the demo data of its own (it sends letters, hands off, sends all due letters),
// with the clock frozen at 2026-11-25 (see scripts/test.ts).
const org = ownOrg("collections");

test.describe("as a collector", () => {
  test.use(org.as("collector"));

  test("opens the worklist, previews and sends a letter, and finds it in the history exactly as sent", async ({
    page,
  }) => {
    await page.goto("/worklist");
    await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send all due letters…" })).toBeVisible();
    await screenshot(page, "worklist");

    const preview = page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .first();
    const stage = (await preview.innerText()).slice(-1);
    await preview.click();
    await expect(page.getByRole("heading", { name: `Preview: letter ${stage} of 4` })).toBeVisible();
    const previewText = await page.getByTestId("letter-text").innerText();
    expect(previewText).toMatch(/Attn: |Alla c\.a\. |Att\.: /); // the customer's language
    expect(previewText).toContain("Aurora Components AS");
    await screenshot(page, "letter-preview");

    await page.getByRole("button", { name: `Send letter ${stage}` }).click();
    await expect(page.getByText(`Letter ${stage} sent and logged in the contact history.`)).toBeVisible();
    await screenshot(page, "letter-sent");
    const letterId = page.url().split("/").pop()!.split("?")[0];
    const [stored] = await query<{ subject: string; body: string; content_sha256: string; stage: number }>(
      "SELECT subject, body, content_sha256, stage FROM letters WHERE id = $1",
      [letterId],
    );
    expect(stored.stage).toBe(Number(stage));
    expect(stored.content_sha256).toBe(letterSha256(stored.subject, stored.body));
    await expect(page.getByTestId("letter-facts")).toContainText(stored.content_sha256);
    expect((await page.getByTestId("letter-text").innerText()).trim()).toBe(stored.body.trim());

    // The customer's history has the letter, and it opens exactly as sent.
    await page.getByRole("link", { name: /^← / }).click();
    const history = page.getByTestId("contact-history");
    await expect(history.getByRole("link", { name: `Open letter ${stage} as sent` }).last()).toBeVisible();
    await screenshot(page, "customer-collections");
    await history
      .getByRole("link", { name: `Open letter ${stage} as sent` })
      .last()
      .click();
    expect((await page.getByTestId("letter-text").innerText()).trim()).toBe(stored.body.trim());

    // The account left today's worklist for that letter.
    await page.goto("/worklist");
    await expect(
      page.locator(
        `[data-testid=worklist] a[href="/customers/${await customerOf(letterId)}/letter-preview?currency=${await currencyOf(letterId)}"]`,
      ),
    ).toHaveCount(0);
  });

  test("reviews an account after letter 3's deadline, hands it to an agency, sends letter 4 and records its tracking number", async ({
    page,
  }) => {
    await page.goto("/worklist");
    const row = page.locator("[data-testid=worklist] tbody tr").filter({ hasText: "Hand-off review" }).first();
    // The first cell also says who the account is assigned to: the name is its link.
    const name = await row.locator("td").first().locator(`a[href^="/customers/"]`).first().innerText();
    await row.getByRole("link", { name: "Open account" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(
      page.getByTestId("contact-history").getByRole("link", { name: "Open letter 3 as sent" }),
    ).toBeVisible();

    const form = page.getByTestId("form-handoff");
    // The form's own summary; the agency's details are a panel inside it (open when none is saved).
    await form.locator("summary").first().click();
    await form.getByLabel("Agency", { exact: true }).fill("Nordic Recovery AS");
    await form.getByLabel("Agency reference").fill("NR-5531");
    await screenshot(page, "handoff-form");
    await form.getByRole("button", { name: "Record hand-off" }).click();
    // Irreversible: a dialog spells out the consequences first; Cancel changes nothing.
    const confirmHandoff = page.getByRole("dialog", { name: "Hand this account to the agency?" });
    await expect(confirmHandoff).toContainText("cannot be edited or withdrawn");
    await screenshot(page, "handoff-confirm");
    await confirmHandoff.getByRole("button", { name: "Cancel" }).click();
    await expect(confirmHandoff).toBeHidden();
    await form.getByRole("button", { name: "Record hand-off" }).click();
    await confirmHandoff.getByRole("button", { name: "Record hand-off" }).click();
    // The panel now shows the hand-off, and letter 4 as the next step.
    await expect(
      page.getByTestId("collections-USD").or(page.locator("[data-testid^=collections-]")).first(),
    ).toContainText("Handed to Nordic Recovery AS (ref. NR-5531)");

    await page.getByRole("link", { name: "Preview letter 4" }).click();
    await expect(page.getByRole("heading", { name: "Preview: letter 4 of 4" })).toBeVisible();
    await expect(page.getByTestId("letter-text")).toContainText("Nordic Recovery AS, reference NR-5531");
    await page.getByRole("button", { name: "Send letter 4" }).click();
    const confirmLetter4 = page.getByRole("dialog", { name: "Send the final letter (letter 4)?" });
    await expect(confirmLetter4).toContainText("registered mail");
    await confirmLetter4.getByRole("button", { name: "Send letter 4" }).click();
    await expect(page.getByText("Letter 4 sent and logged in the contact history.")).toBeVisible();
    await expect(page.getByTestId("letter-facts")).toContainText("Tracking number not yet recorded");
    const tracking = page.getByTestId("form-tracking");
    await tracking.getByLabel("Registered-mail tracking number").fill("RR123456785NO");
    await tracking.getByRole("button", { name: "Save tracking number" }).click();
    await expect(page.getByTestId("letter-facts")).toContainText("Tracking number RR123456785NO");
    await screenshot(page, "letter-4");

    await page.goto("/worklist");
    await expect(page.locator("[data-testid=worklist] tbody tr").filter({ hasText: name })).toHaveCount(0);
  });

  test("a bad amount gets a clear message next to the field and changes nothing", async ({ page }) => {
    await page.goto("/worklist");
    await page.locator("[data-testid=worklist] tbody tr td:first-child a").first().click();
    await page.waitForURL(/\/customers\/[0-9a-f-]{36}$/);
    const customerId = page.url().split("/").pop()!;
    const before = await query<{ n: string }>("SELECT count(*)::text AS n FROM payments WHERE customer_id = $1", [
      customerId,
    ]);
    const form = page.getByTestId("form-payment");
    await form.locator("summary").click();
    await form.getByLabel("Amount").fill("12,3,4");
    await form.getByRole("button", { name: "Record payment" }).click();
    await expect(form.getByText('"12,3,4" is not an amount.')).toBeVisible();
    await expect(form.getByLabel("Amount")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByLabel("Amount")).toHaveValue("12,3,4");
    await screenshot(page, "customer-forms-error");
    expect(await query("SELECT count(*)::text AS n FROM payments WHERE customer_id = $1", [customerId])).toEqual(
      before,
    );
  });
});

async function customerOf(letterId: string) {
  return (await query<{ customer_id: string }>("SELECT customer_id FROM letters WHERE id = $1", [letterId]))[0]
    .customer_id;
}
async function currencyOf(letterId: string) {
  return (await query<{ currency: string }>("SELECT currency FROM letters WHERE id = $1", [letterId]))[0].currency;
}

test.describe("as a viewer", () => {
  test.use(org.as("viewer"));

  test("sees the worklist and previews but no send button or forms", async ({ page }) => {
    await page.goto("/worklist");
    await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Send all due letters…" })).toHaveCount(0);
    await expect(page.getByRole("checkbox")).toHaveCount(0); // no selection toolbar either
    await page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .first()
      .click();
    await expect(page.getByTestId("letter-text")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Send letter/ })).toHaveCount(0);
    await screenshot(page, "letter-preview-viewer");
    await page.getByRole("link", { name: "← Back to the customer" }).click();
    await expect(page.getByTestId("form-payment")).toHaveCount(0);
  });

  test("a forged send request from a viewer is refused and sends nothing", async ({ page, browser, baseURL }) => {
    // Capture a real "send letter" request from a collector's page, without letting it through...
    const collector = await browser.newContext({ storageState: await org.signIn(browser, baseURL!, "collector") });
    const collectorPage = await collector.newPage();
    await collectorPage.goto("/worklist");
    await collectorPage
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .first()
      .click();
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
    const lettersBefore = await query<{ n: string }>("SELECT count(*)::text AS n FROM letters WHERE customer_id = $1", [
      customerId,
    ]);
    const { headers, body } = captured!;
    const response = await page.request.post(previewUrl, {
      headers: {
        "next-action": headers["next-action"],
        "content-type": headers["content-type"],
        accept: "text/x-component",
      },
      data: body,
    });
    const text = await response.text();
    expect(text).toContain("FORBIDDEN");
    expect(text).toContain("Your role does not allow this");
    expect(await query("SELECT count(*)::text AS n FROM letters WHERE customer_id = $1", [customerId])).toEqual(
      lettersBefore,
    );
  });
});

test.describe("as an admin", () => {
  test.use(org.as("admin"));

  test("edits the collection policy; a bad value is refused next to its field", async ({ page }) => {
    await page.goto("/settings/policy");
    const form = page.getByTestId("policy-form");
    await form.getByLabel("Letter 2: days after letter 1 went unanswered").fill("0");
    await form.getByRole("button", { name: "Save policy" }).click();
    await expect(form.getByText("At least 1 day.")).toBeVisible();
    await screenshot(page, "policy");
    const [row] = await query<{ n: string }>("SELECT count(*)::text AS n FROM collection_policies WHERE org_id = $1", [
      org.id,
    ]);
    expect(row.n).toBe("0");
  });
});

// Last in this file: it sends every due letter of the organization.
test.describe("send all due letters", () => {
  test.use(org.as("collector"));

  test("sends every due letter with progress and a result per account; a second run sends nothing", async ({
    page,
  }) => {
    const letters = async () =>
      Number((await query<{ n: string }>("SELECT count(*)::text AS n FROM letters WHERE org_id = $1", [org.id]))[0].n);
    const before = await letters();
    await page.goto("/worklist");
    const due = await page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .count();
    expect(due).toBeGreaterThan(0);
    // The link shows the plan (e2e/bulk-send-plan.spec.ts looks at it closely); confirming it starts a
    // run on the job queue, and the worker (a second web server in playwright.config.ts) sends.
    await page.getByRole("link", { name: "Send all due letters…" }).click();
    const panel = page.getByTestId("confirm-plan");
    await panel.getByRole("button", { name: /^Confirm and send \d+ letters?$/ }).click();
    await expect(panel.getByRole("status")).toHaveText(/^(Sending \d+ letters?…|Sending: \d+ of \d+ done…|Done: .*)$/);
    await screenshot(page, "send-all-running");
    await expect(panel.getByRole("status")).toHaveText(/^Done: \d+ sent, 0 skipped\.$/, { timeout: 45_000 });
    const bar = panel.getByRole("progressbar");
    await expect(bar).toHaveAttribute("aria-valuenow", (await bar.getAttribute("aria-valuemax"))!);
    const sent = Number(/Done: (\d+) sent/.exec(await panel.getByRole("status").innerText())![1]);
    await expect(panel.getByRole("list", { name: "Results per account" }).getByRole("listitem")).toHaveCount(sent);
    await screenshot(page, "send-all-done");
    expect(await letters()).toBe(before + sent);
    // The run and one result per account are stored.
    const [run] = await query<{ total: number; results: string }>(
      "SELECT b.total, (SELECT count(*)::text FROM bulk_send_results r WHERE r.bulk_send_id = b.id AND r.outcome = 'SENT') AS results FROM bulk_sends b WHERE b.org_id = $1 ORDER BY b.requested_at DESC LIMIT 1",
      [org.id],
    );
    expect([run.total, Number(run.results)]).toEqual([sent, sent]);

    // The worklist has nothing due any more, and the plan is empty.
    await page.goto("/worklist");
    await expect(
      page.locator("[data-testid=worklist] tbody tr").getByRole("link", { name: /^Preview letter \d$/ }),
    ).toHaveCount(0);
    await page.getByRole("link", { name: "Send all due letters…" }).click();
    await expect(page.getByRole("heading", { name: "No letters are due" })).toBeVisible();
    await expect(page.getByTestId("confirm-plan").getByRole("button")).toBeDisabled();
    expect(await letters()).toBe(before + sent);
  });
});

test.describe("recording a dispute", () => {
  test.use(org.as("collector"));

  test("no invoice is preselected: submitting without choosing one is refused and records nothing", async ({
    page,
  }) => {
    const [account] = await query<{ customer_id: string }>(
      "SELECT customer_id FROM accounts WHERE org_id = $1 AND open_invoices > 1 ORDER BY customer_id LIMIT 1",
      [org.id],
    );
    const disputes = async () =>
      (await query<{ n: string }>("SELECT count(*)::text AS n FROM invoice_disputes WHERE org_id = $1", [org.id]))[0].n;
    const before = await disputes();
    await page.goto(`/customers/${account.customer_id}`);
    const form = page.getByTestId("form-dispute");
    await form.locator("summary").click();
    await expect(form.getByLabel("Invoice")).toHaveValue("");
    await form.getByLabel("What the customer disputes").fill("Goods arrived damaged.");
    await form.getByRole("button", { name: "Record dispute" }).click();
    await expect(form.getByText("Choose an invoice from the list.")).toBeVisible();
    expect(await disputes()).toBe(before);
  });
});
