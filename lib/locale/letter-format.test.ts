import { describe, expect, it } from "vitest";
import { letterFormat } from "./letter-format";

describe("letterFormat", () => {
  it("writes Norwegian dates and amounts the way Norwegian finance letters do", () => {
    const nb = letterFormat("nb", "en-US");
    expect(nb.date("2026-04-16")).toBe("16. april 2026");
    expect(nb.date("2026-12-01")).toBe("1. desember 2026");
    expect(nb.shortDate("2026-04-06")).toBe("06.04.2026");
    expect(nb.money(125000, "NOK")).toBe("kr 1 250,00");
    expect(nb.money(123456789, "NOK")).toBe("kr 1 234 567,89");
    expect(nb.money(99, "NOK")).toBe("kr 0,99");
    expect(nb.money(125000, "EUR")).toBe("EUR 1 250,00");
  });

  it("writes Italian dates and amounts with a full stop for thousands and the currency code after", () => {
    const it_ = letterFormat("it", "en-US");
    expect(it_.date("2026-04-16")).toBe("16 aprile 2026");
    expect(it_.date("2026-01-05")).toBe("5 gennaio 2026");
    expect(it_.shortDate("2026-04-06")).toBe("06/04/2026");
    expect(it_.money(125000, "EUR")).toBe("1.250,00 EUR");
    expect(it_.money(500, "EUR")).toBe("5,00 EUR");
    expect(it_.money(100000000, "USD")).toBe("1.000.000,00 USD");
    expect(it_.money(-125000, "EUR")).toBe("-1.250,00 EUR");
  });

  it("keeps English on the organization's locale", () => {
    const en = letterFormat("en", "en-GB");
    expect(en.date("2026-04-16")).toBe("16 April 2026");
    expect(en.money(125000, "EUR")).toBe("€1,250.00");
  });

  it("handles currencies without minor units", () => {
    expect(letterFormat("nb", "en").money(125000, "JPY")).toBe("JPY 125 000");
    expect(letterFormat("it", "en").money(125000, "JPY")).toBe("125.000 JPY");
  });
});
