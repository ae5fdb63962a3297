import { describe, expect, it } from "vitest";
import { lineItemAmount, settledBeforeImportOn } from "./invoice-candidates";

describe("lineItemAmount", () => {
  it("takes the total when the lines include VAT, or the lines plus their tax make it (Xero)", () => {
    expect(lineItemAmount({ amount: 150000, total: 150000 })).toEqual({ amount: 150000 });
    expect(lineItemAmount({ amount: 150000, tax: 30000, total: 180000 })).toEqual({ amount: 180000 });
    expect(lineItemAmount({ amount: 24000, taxTotal: 4800, total: 28800 })).toEqual({ amount: 28800 });
    // The lines' own tax goes before the repeated tax total.
    expect(lineItemAmount({ amount: 24000, tax: 4800, taxTotal: 9999, total: 28800 })).toEqual({ amount: 28800 });
    expect(lineItemAmount({ amount: 24000 })).toEqual({ amount: 24000 });
  });

  it("names the sums when lines and tax do not make the total", () => {
    expect(lineItemAmount({ amount: 150000, tax: 29000, total: 180000 })).toEqual({
      lines: 150000,
      tax: 29000,
      total: 180000,
    });
    expect(lineItemAmount({ amount: 145000, total: 150000 })).toEqual({ lines: 145000, tax: undefined, total: 150000 });
  });
});

describe("settledBeforeImportOn", () => {
  const today = "2026-12-07";
  it("is the file's paid date, else the due date, else today for an invoice not due yet", () => {
    expect(settledBeforeImportOn({ issueDate: "2026-10-01", dueDate: "2026-10-31", paidOn: "2026-10-20" }, today)).toBe(
      "2026-10-20",
    );
    expect(settledBeforeImportOn({ issueDate: "2026-10-01", dueDate: "2026-10-31" }, today)).toBe("2026-10-31");
    expect(settledBeforeImportOn({ issueDate: "2026-12-01", dueDate: "2026-12-31" }, today)).toBe(today);
  });

  it("is never after today nor before the issue date", () => {
    expect(settledBeforeImportOn({ issueDate: "2026-12-01", dueDate: "2026-12-31", paidOn: "2026-12-20" }, today)).toBe(
      today,
    );
    expect(settledBeforeImportOn({ issueDate: "2026-12-20", dueDate: "2027-01-19" }, today)).toBe("2026-12-20");
  });
});
