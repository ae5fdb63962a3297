import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { mime } from "@/tests/inbound-mail";
import { expect, problems, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Replies that come back by themselves, as a collector meets them: three real messages
// posted to the Postmark webhook of the running server (one to an account's reply address,
// one from nobody we know with a PDF, one out-of-office), then Today and the unassigned
// queue at 1440 and 390 px, filing the stranger's reply on a customer, and reading the
// filed one, which lets the account's next letter go again. On a copy of the demo data.
const org = ownOrg("inbound");

async function postmark(page: Page, raw: Buffer, to: string) {
  const response = await page.request.post("/api/inbound/postmark", {
    headers: { authorization: `Basic ${Buffer.from("postmark:e2e-inbound-secret").toString("base64")}` },
    data: { OriginalRecipient: to, ToFull: [{ Email: to }], RawEmail: raw.toString("utf8") },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test.describe("emailed replies", () => {
  test.use(org.as("collector"));

  test("land on Today or in the queue, are filed and read; no sideways scroll at either width", async ({ page }) => {
    test.setTimeout(180_000);
    const domain = `r${randomBytes(4).toString("hex")}.e2e.test`;
    await query("UPDATE organizations SET reply_domain = $1 WHERE id = $2", [domain, org.id]);
    const [account] = await query<{ customer_id: string; name: string; currency: string; email: string }>(
      `SELECT c.id AS customer_id, c.name, l.currency, c.email FROM letters l JOIN customers c ON c.id = l.customer_id
        WHERE l.org_id = $1 AND c.language = 'en' ORDER BY l.sent_at DESC LIMIT 1`,
      [org.id],
    );
    const token = Array.from(randomBytes(20), (b) => "abcdefghijklmnopqrstuvwxyz234567"[b & 31]).join("");
    await query(
      "INSERT INTO reply_tokens (id, org_id, customer_id, currency, token) VALUES (gen_random_uuid(), $1, $2, $3, $4)",
      [org.id, account.customer_id, account.currency, token],
    );
    const replyTo = `reply+${token}@${domain}`;
    await postmark(
      page,
      await mime({
        from: `Accounts Payable <${account.email || "ap@customer.example"}>`,
        to: replyTo,
        subject: "Re: Payment reminder",
        text: "Hello,\n\nthe invoice was paid on Monday; the remittance advice is on its way.\n\nKind regards\nAccounts Payable",
        messageId: `<${randomBytes(6).toString("hex")}@customer.example>`,
      }),
      replyTo,
    );
    await postmark(
      page,
      await mime({
        from: "Ufficio Contabilità <contabilita@sconosciuto.example>",
        to: `solleciti@${domain}`,
        subject: "Re: Sollecito di pagamento — contabile del bonifico",
        text: "Buongiorno, in allegato la contabile del bonifico eseguito ieri. Cordiali saluti",
        attachments: [
          { filename: "contabile.pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n"), contentType: "application/pdf" },
        ],
        messageId: `<${randomBytes(6).toString("hex")}@sconosciuto.example>`,
      }),
      `solleciti@${domain}`,
    );
    await postmark(
      page,
      await mime({
        from: "regnskap@ukjent.example",
        to: `innkreving@${domain}`,
        subject: "Automatisk svar: Betalingspåminnelse",
        text: "Jeg er på ferie til 4. januar.",
        messageId: `<${randomBytes(6).toString("hex")}@ukjent.example>`,
      }),
      `innkreving@${domain}`,
    );

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/today");
      const replies = page.getByTestId("today-replies");
      await expect(replies).toContainText("Re: Payment reminder");
      await expect(replies).toContainText(account.name);
      await expect(page.getByTestId("unassigned-replies-note")).toContainText("2 emailed replies");
      expect(await problems(page, `today ${width}`)).toEqual([]);
      await screenshot(page, `inbound-today-${width}`);
      await page.goto("/replies");
      await expect(page.getByTestId("unassigned-replies").getByRole("listitem")).toHaveCount(2);
      await expect(
        page.getByTestId("unassigned-replies").getByRole("listitem").filter({ hasText: "Automatisk svar" }),
      ).toContainText("automatic reply");
      expect(await problems(page, `replies ${width}`)).toEqual([]);
      await screenshot(page, `inbound-unassigned-${width}`);
    }

    // File the Italian reply on a customer.
    await page.getByRole("link", { name: /Sollecito di pagamento/ }).click();
    await expect(page.getByRole("link", { name: "contabile.pdf" })).toBeVisible();
    const form = page.getByTestId("assign-reply");
    await form.getByLabel("Customer").selectOption({ index: 0 });
    await form.getByRole("button", { name: "File the reply" }).click();
    // Every page is revalidated after a success: the reply shows where it is filed.
    await expect(page.getByTestId("reply-account")).toContainText("filed by a collector");
    await screenshot(page, "inbound-reply-390");

    // The account's reply holds its next letter until it is read.
    await page.goto("/today");
    await page
      .getByTestId("today-replies")
      .getByTestId("today-item")
      .filter({ hasText: "Re: Payment reminder" })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByText("Unread: the account's next automatic letter waits")).toBeVisible();
    await page.getByRole("button", { name: "Mark as read" }).click();
    await expect(page.getByText(/^Read by Colin Collector on /)).toBeVisible();
  });
});
