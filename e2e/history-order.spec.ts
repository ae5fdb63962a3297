import { mkdirSync } from "node:fs";
import { createDb } from "@/lib/db/client";
import { dateOnlyToDb } from "@/lib/time/dates";
import { expect, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Issue 27 §3a: the customer page lists a payment on the day it was received, among the
// contacts, not at the time it was keyed in; the entry time is shown beside it.
const org = ownOrg("history-order");
const NOTES = "/work/notes/workflows-png";

test.use(org.as("collector"));
test("a payment entered late sits on the day it was received, with its entry time", async ({ page }) => {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  let customerId: string;
  try {
    const customer = await db.customer.create({
      data: {
        orgId: org.id,
        reference: `HO-${Date.now()}`,
        name: "Fjord Tools AS",
        countryCode: "NO",
        currency: "NOK",
        language: "nb",
        email: "ap@fjordtools.example",
        contactPerson: "Kari Nordmann",
        addressLine1: "Kaigata 1",
        postalCode: "5003",
        city: "Bergen",
        country: "Norway",
      },
    });
    customerId = customer.id;
    await db.invoice.create({
      data: {
        orgId: org.id,
        customerId,
        number: "HO-1",
        issueDate: dateOnlyToDb("2026-10-01"),
        dueDate: dateOnlyToDb("2026-10-31"),
        amountMinor: 250_000n,
        currency: "NOK",
      },
    });
    await db.contactAttempt.create({
      data: {
        orgId: org.id,
        customerId,
        occurredAt: new Date("2026-11-20T09:30:00Z"),
        channel: "PHONE",
        direction: "OUTBOUND",
        outcome: "SPOKE",
        note: "Customer says the payment went out on the 10th.",
      },
    });
    // Received on 10 Nov, keyed in now (after the call of the 20th).
    await db.payment.create({
      data: {
        orgId: org.id,
        customerId,
        currency: "NOK",
        amountMinor: 100_000n,
        receivedOn: dateOnlyToDb("2026-11-10"),
      },
    });
  } finally {
    await db.$disconnect();
  }

  await page.goto(`/customers/${customerId}`);
  const history = page.getByTestId("contact-history");
  const items = history.locator("li");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).getByTestId("history-money")).toBeVisible();
  await expect(items.nth(0).getByTestId("history-entered")).toContainText("entered");
  await expect(items.nth(1)).toContainText("payment went out on the 10th");
  mkdirSync(NOTES, { recursive: true });
  for (const size of [
    { width: 1440, height: 900 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(size);
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, `history-order-${size.width}`);
    await page.screenshot({ path: `${NOTES}/history-order-${size.width}.png`, fullPage: true });
  }
});
