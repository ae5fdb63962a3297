import { describe, expect, it } from "vitest";
import { decimalShownBy, detectDateFormat, detectDecimalSeparator } from "./detect-formats";
import { normalizeHeader, suggestMapping } from "./fields";
import { isReportFooter, isTotalsLine } from "./file-sample";

describe("formats read from the values", () => {
  it.each([
    [["15/01/2026", "02/03/2026"], "dmy"],
    [["01/15/2026", "02/03/2026"], "mdy"],
    [["01.02.2026"], "dmy"],
    [["2026-01-15"], "iso"],
    [["01/02/2026", "03/04/2026"], undefined],
    [["13/01/2026", "01/13/2026"], undefined],
  ] as const)("dates %j are %s", (values, format) => {
    expect(detectDateFormat([...values])).toBe(format);
  });

  it.each([
    [["1 234,56", "12,5"], ","],
    [["$1,234.56"], "."],
    [["1.234.567"], ","],
    [["1,234"], undefined],
    [["1.234,56", "1,234.56"], undefined],
    [["kr 980,00"], ","],
  ] as const)("amounts %j use %s", (values, mark) => {
    expect(detectDecimalSeparator([...values])).toBe(mark);
  });
});

describe("headers as exported", () => {
  it("splits joined words and drops marks", () => {
    expect(normalizeHeader("*InvoiceNumber")).toBe("invoice number");
    expect(normalizeHeader("POAddressLine1")).toBe("po address line1");
    expect(normalizeHeader("Fakturanr.")).toBe("fakturanr");
    expect(normalizeHeader("Org.nr.")).toBe("org nr");
  });

  it.each([
    [
      ["Num", "Customer", "Date", "Due Date", "Amount", "Open Balance"],
      {
        number: "Num",
        customerReference: "Customer",
        issueDate: "Date",
        dueDate: "Due Date",
        amount: "Amount",
        openAmount: "Open Balance",
      },
    ],
    [
      ["Fakturanr", "Kundenummer", "Fakturadato", "Forfallsdato", "Beløp", "Utestående"],
      {
        number: "Fakturanr",
        customerReference: "Kundenummer",
        issueDate: "Fakturadato",
        dueDate: "Forfallsdato",
        amount: "Beløp",
        openAmount: "Utestående",
      },
    ],
    [
      ["Numero", "Cliente", "Partita IVA", "Data", "Scadenza", "Importo totale"],
      {
        number: "Numero",
        customerVat: "Partita IVA",
        issueDate: "Data",
        dueDate: "Scadenza",
        amount: "Importo totale",
      },
    ],
    [
      ["InvoiceNumber", "ContactName", "InvoiceDate", "DueDate", "Total", "AmountDue"],
      {
        number: "InvoiceNumber",
        customerName: "ContactName",
        issueDate: "InvoiceDate",
        dueDate: "DueDate",
        amount: "Total",
        openAmount: "AmountDue",
      },
    ],
    [
      ["Invoice", "Customer ref", "Customer name", "Date", "Due", "Total"],
      { number: "Invoice", customerReference: "Customer ref", issueDate: "Date", dueDate: "Due", amount: "Total" },
    ],
  ])("invoice headers %j map by themselves", (headers, mapping) => {
    expect(suggestMapping("invoices", headers, null)).toEqual(mapping);
  });

  it("knows a totals line from a data row", () => {
    expect(isTotalsLine(["TOTAL", "", "", "", "", "$4,330.40", "$3,830.40"])).toBe("TOTAL");
    expect(isTotalsLine(["Totale:", "", "12.200,00"])).toBe("Totale:");
    expect(isTotalsLine(["Sum", "", "", "", "", "17 230,50", "14 480,00", ""])).toBe("Sum");
    expect(isTotalsLine(["1001", "Total Gym Ltd", "01/02/2026", "01/03/2026", "100.00"])).toBeNull();
  });

  it("knows QuickBooks' print time footer from a data row (issue 23 §4)", () => {
    expect(isReportFooter(["Tuesday, Dec 01, 2026 06:13:55 AM GMT-8", "", ""])).toBe(
      "Tuesday, Dec 01, 2026 06:13:55 AM GMT-8",
    );
    expect(isReportFooter(["", "Monday, December 7, 2026 11:02 PM GMT+01:00"])).toBe(
      "Monday, December 7, 2026 11:02 PM GMT+01:00",
    );
    expect(isReportFooter(["Tuesday, Dec 01, 2026 06:13:55 AM GMT-8", "100.00"])).toBeNull();
    expect(isReportFooter(["Sunday Sports Ltd", "", ""])).toBeNull();
  });

  it("maps Company Name, Company Reg No and Innbetalt beløp by themselves (issue 23 §4)", () => {
    expect(suggestMapping("customers", ["Customer ID", "Company Name", "Company Reg No"], null)).toMatchObject({
      name: "Company Name",
      registrationNumber: "Company Reg No",
    });
    expect(suggestMapping("payments", ["Fakturanr", "Innbetalt beløp", "Dato"], null)).toMatchObject({
      amount: "Innbetalt beløp",
    });
  });
});

describe("decimalShownBy", () => {
  it("names the first cell that shows the decimal comma, read as a plain number", () => {
    expect(
      decimalShownBy([
        { line: 2, text: "1000" },
        { line: 3, text: "2 990,00" },
        { line: 4, text: "12\u00a0450,50" },
      ]),
    ).toEqual({ mark: ",", line: 3, text: "2 990,00", reading: "2990.00" });
    expect(decimalShownBy([{ line: 2, text: "kr 1.234,56-" }])).toMatchObject({ reading: "-1234.56" });
    expect(decimalShownBy([{ line: 2, text: "1,234.50" }])).toMatchObject({ mark: ".", reading: "1234.50" });
  });

  it("says nothing while the values decide nothing or disagree", () => {
    expect(decimalShownBy([{ line: 2, text: "1,234" }])).toBeUndefined();
    expect(
      decimalShownBy([
        { line: 2, text: "1,50" },
        { line: 3, text: "1.50" },
      ]),
    ).toBeUndefined();
  });
});
