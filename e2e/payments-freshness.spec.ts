import type { Page } from "@playwright/test";
import { formatDateOnly } from "@/lib/time/dates";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// "Never a letter to a customer who has paid" (issue 23 §3) as a collector lives it: a
// payment arrives by bank statement and the next letter is no longer offered; and a
// statement that is too old makes the send ask for a confirmation naming its day.
// Each test has a copy of the demo data of its own (no statement imported yet), with
// the clock frozen at 2026-11-25, a Wednesday (scripts/test.ts).
const TODAY = "2026-11-25";
const LOCALE = "en-GB"; // the demo users' locale: the pages format days with it

interface Credit {
  amountMinor: number;
  currency: string;
  invoiceNumber: string;
  payer: string;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const decimal = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;

/** A camt.053.001.02 end-of-day statement covering `day`: one booked credit per invoice, each naming it in the structured reference, and a bank fee. */
function camt053(day: string, credits: Credit[]): string {
  const entry = (c: Credit, i: number) => `
      <Ntry>
        <Amt Ccy="${c.currency}">${decimal(c.amountMinor)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt>
        <ValDt><Dt>${day}</Dt></ValDt>
        <AcctSvcrRef>E2E-${day}-${i}-${c.invoiceNumber}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>DMCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <AmtDtls><TxAmt><Amt Ccy="${c.currency}">${decimal(c.amountMinor)}</Amt></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Nm>${xml(c.payer)}</Nm></Dbtr></RltdPties>
          <RmtInf><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>${xml(c.invoiceNumber)}</Nb></RfrdDocInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-${day}</MsgId><CreDtTm>${day}T20:00:00+01:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-STMT-${day}</Id>
      <CreDtTm>${day}T20:00:00+01:00</CreDtTm>
      <FrToDt><FrDtTm>${day}T00:00:00+01:00</FrDtTm><ToDtTm>${day}T23:59:59+01:00</ToDtTm></FrToDt>
      <Acct><Id><IBAN>NO9386011117947</IBAN></Id></Acct>${credits.map(entry).join("")}
      <Ntry>
        <Amt Ccy="NOK">85.00</Amt>
        <CdtDbtInd>DBIT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>${day}</Dt></BookgDt>
        <AcctSvcrRef>E2E-${day}-FEE</AcctSvcrRef>
        <BkTxCd><Domn><Cd>ACMT</Cd><Fmly><Cd>MDOP</Cd><SubFmlyCd>CHRG</SubFmlyCd></Fmly></Domn></BkTxCd>
        <AddtlNtryInf>Gebyr nettbank</AddtlNtryInf>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>
`;
}

/**
 * Uploads the statement through the form on /bank and waits, reloading, until its row says
 * it was read (the job worker reads and matches it); returns that row.
 */
async function uploadStatement(page: Page, fileName: string, body: string) {
  await page.goto("/bank");
  await page
    .getByLabel("Bank statement (camt.053 or camt.054 XML)")
    .setInputFiles({ name: fileName, mimeType: "application/xml", buffer: Buffer.from(body) });
  await page.getByRole("button", { name: "Upload statement" }).click();
  await expect(page.getByText("Received. It is being read and matched; the list below updates.")).toBeVisible();
  const row = page.getByRole("region", { name: "Recent statements" }).getByRole("row").filter({ hasText: fileName });
  await expect(async () => {
    await page.reload();
    await expect(row.getByRole("cell").nth(2)).toHaveText("Read", { timeout: 1_000 });
  }).toPass({ timeout: 45_000 });
  return row;
}

test.describe("a payment by bank statement", () => {
  const org = ownOrg("fresh-paid");
  test.use(org.as("collector"));

  test("pays the overdue invoices in full, and the next letter is no longer offered", async ({ page }) => {
    // A due account whose overdue invoices' numbers each name one open invoice of the organization.
    const [account] = await query<{ customer_id: string; currency: string; name: string; due_stage: number }>(
      `SELECT a.customer_id, a.currency, c.name, a.due_stage FROM account_work a JOIN customers c ON c.id = a.customer_id
       WHERE a.org_id = $1 AND a.work_kind = 'letter' AND a.due_stage BETWEEN 1 AND 3
         AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = a.customer_id AND i.currency = a.currency
           AND i.amount_minor > i.paid_minor AND i.due_date < $2::date
           AND (SELECT count(*) FROM invoices j WHERE j.org_id = i.org_id AND j.number = i.number AND j.amount_minor > j.paid_minor) > 1)
       ORDER BY a.priority DESC NULLS LAST, c.name LIMIT 1`,
      [org.id, TODAY],
    );
    expect(account, "a due account in the demo data").toBeDefined();
    const overdue = await query<{ number: string; open_minor: number }>(
      `SELECT number, (amount_minor - paid_minor)::int AS open_minor FROM invoices
       WHERE customer_id = $1 AND currency = $2 AND amount_minor > paid_minor AND due_date < $3::date ORDER BY due_date, number`,
      [account.customer_id, account.currency, TODAY],
    );
    expect(overdue.length).toBeGreaterThan(0);

    // The letter is offered: on the worklist and in the preview's send panel.
    const preview = `/customers/${account.customer_id}/letter-preview?currency=${account.currency}`;
    await page.goto("/worklist");
    const row = page.locator(`[data-testid=worklist] tbody tr[data-customer="${account.name}"]`);
    await expect(row.getByRole("link", { name: `Preview letter ${account.due_stage}` })).toBeVisible();
    await page.goto(preview);
    await expect(page.getByTestId("payments-known-up-to")).toContainText("Payments known up to: never imported");
    await expect(page.getByRole("button", { name: `Send letter ${account.due_stage}` })).toBeVisible();

    // Today's statement pays every overdue invoice in full, each credit naming its invoice.
    const fileName = `e2e-paid-${TODAY}.xml`;
    const credits = overdue.map((i) => ({
      amountMinor: i.open_minor,
      currency: account.currency,
      invoiceNumber: i.number,
      payer: account.name,
    }));
    const statement = await uploadStatement(page, fileName, camt053(TODAY, credits));
    await expect(statement.getByRole("cell").nth(4)).toHaveText(String(overdue.length)); // matched
    await expect(statement.getByRole("cell").nth(5)).toHaveText("0"); // to review
    await expect(page.getByTestId("payments-known-up-to")).toHaveText(
      `Payments known up to ${formatDateOnly(TODAY, LOCALE)} (the last bank statement).`,
    );
    await screenshot(page, "freshness-bank-read");

    // The payments are on the invoices, as the bank sent them.
    const [paid] = await query<{ open: string; bank: string }>(
      `SELECT (SELECT coalesce(sum(amount_minor - paid_minor), 0) FROM invoices
                WHERE customer_id = $1 AND currency = $2 AND due_date < $3::date)::text AS open,
              (SELECT coalesce(sum(amount_minor), 0) FROM payments
                WHERE customer_id = $1 AND currency = $2 AND bank_line_id IS NOT NULL)::text AS bank`,
      [account.customer_id, account.currency, TODAY],
    );
    expect(paid).toEqual({ open: "0", bank: String(overdue.reduce((s, i) => s + i.open_minor, 0)) });

    // No letter is offered any more: the preview says why and has no send panel; the worklist has no letter for it.
    await page.goto(preview);
    await expect(page.getByTestId("next-action")).toContainText("Nothing is overdue.");
    await expect(page.getByRole("button", { name: /^Send letter/ })).toHaveCount(0);
    await screenshot(page, "freshness-paid-preview");
    await page.goto("/worklist");
    await expect(page.getByRole("heading", { name: "Worklist" })).toBeVisible();
    await expect(row.getByRole("link", { name: /^Preview letter/ })).toHaveCount(0);
    await expect(page.getByTestId("payments-known-up-to")).toContainText(formatDateOnly(TODAY, LOCALE));
  });
});

test.describe("payments known only up to an old day", () => {
  const org = ownOrg("fresh-stale");
  test.use(org.as("collector"));

  test("the send refuses without the confirmation naming the day, and sends with it", async ({ page }) => {
    // The last statement covers a day 10 calendar days (8 bank days) back; the limit is 3 bank days.
    const old = "2026-11-15";
    const oldDay = formatDateOnly(old, LOCALE);
    await uploadStatement(page, `e2e-old-${old}.xml`, camt053(old, []));
    await expect(page.getByTestId("payments-known-up-to")).toHaveText(
      `Payments known up to ${oldDay} (the last bank statement): 8 bank days old, more than the 3 allowed. A customer may have paid since.`,
    );

    await page.goto("/worklist");
    const link = page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter [123]$/ })
      .first();
    const stage = (await link.innerText()).slice(-1);
    const customerId = (await link.getAttribute("href"))!.split("/")[2];
    await link.click();
    await expect(page.getByRole("heading", { name: `Preview: letter ${stage} of 4` })).toBeVisible();
    const panel = page.getByTestId("send-panel");
    const confirm = panel.getByLabel(`Payments are known only up to ${oldDay}. I confirm this letter goes anyway.`);
    await expect(confirm).not.toBeChecked();
    const letters = async () =>
      Number(
        (await query<{ n: string }>("SELECT count(*)::text AS n FROM letters WHERE customer_id = $1", [customerId]))[0]
          .n,
      );
    const before = await letters();

    // Without the tick: refused, naming the day; nothing is sent.
    await panel.getByRole("button", { name: `Send letter ${stage}` }).click();
    await expect(panel.getByRole("status")).toHaveText("Check the fields marked below.");
    await expect(confirm).toHaveAccessibleDescription(
      `Payments are known only up to ${old}, 8 bank days ago: tick to confirm this letter goes anyway.`,
    );
    await screenshot(page, "freshness-stale-refused");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "freshness-stale-refused-390");
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await letters()).toBe(before);

    // With the tick: sent.
    await confirm.check();
    await panel.getByRole("button", { name: `Send letter ${stage}` }).click();
    await expect(page.getByText(`Letter ${stage} sent and logged in the contact history.`)).toBeVisible();
    expect(await letters()).toBe(before + 1);
    await screenshot(page, "freshness-stale-sent");
  });
});
