import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { invoiceKey, nameKey, numbersInText } from "./match-line";
import { parseCamt } from "./parse-camt";

const fixture = (name: string) => readFileSync(`tests/fixtures/bank/${name}`, "utf8");

describe("parseCamt", () => {
  it("reads a DNB camt.054.001.02 KID batch as one line per transaction, zeros kept", () => {
    const s = parseCamt(fixture("dnb-camt054-v02-kid.xml"));
    expect(s.format).toBe("camt.054.001.02");
    expect(s.accountIban).toBe("12345678903");
    expect([s.fromDate, s.toDate]).toEqual(["2026-12-01", "2026-12-01"]);
    expect(s.lines.map((l) => [l.amountMinor, l.structuredRefs[0], l.entryRef, l.credit])).toEqual([
      [1250000, "1001200011", "DNB-OCR-T-770011", true],
      [500000, "1002200028", "DNB-OCR-T-770012", true],
      [320000, "1003200032", "DNB-OCR-T-770013", true],
    ]);
    expect(s.lines[0].payerAccount).toBe("15030012345");
  });

  it("reads every version's paths: v08 Sts/Cd and Dbtr/Pty/Nm, v04 RvslInd returns, fees and debits ignored", () => {
    const sb1 = parseCamt(fixture("sparebank1-camt054-v08.xml"));
    expect(sb1.format).toBe("camt.054.001.08");
    expect(sb1.lines.map((l) => [l.payerName, l.ignoredReason])).toEqual([
      ["Oslo Data AS", ""],
      ["TROMSØ FISK AS", ""],
    ]);
    const nordea = parseCamt(fixture("nordea-camt053-v02.xml"));
    expect(nordea.lines.map((l) => l.ignoredReason)).toEqual(["", "a debit (money out)", "a debit (money out)"]);
    expect(nordea.lines[0].remittanceText).toBe("Faktura 20011");
    const intesa = parseCamt(fixture("intesa-camt053-v04.xml"));
    expect(intesa.lines.map((l) => l.ignoredReason)).toEqual(["", "", "a return or reversal"]);
    expect(intesa.lines[0].structuredRefs).toEqual(["RF8820260042"]);
    const hsbc = parseCamt(fixture("hsbc-camt053-v08.xml"));
    expect(hsbc.lines.map((l) => [l.currency, l.documentNumbers, l.payerName])).toEqual([
      ["GBP", ["INV-7002"], "Thames Tooling Limited"],
      ["USD", [], "Hartley and Sons Inc"],
    ]);
  });

  it("keys lines without a bank reference by their facts, so an overlapping statement repeats the keys", () => {
    const day4 = parseCamt(fixture("barclays-camt053-v02.xml"));
    const day45 = parseCamt(fixture("barclays-camt053-v02-overlap.xml"));
    expect(day4.lines.every((l) => !l.entryRef)).toBe(true);
    expect(day45.lines.slice(0, 3).map((l) => l.dedupeKey)).toEqual(day4.lines.map((l) => l.dedupeKey));
    expect(new Set(day45.lines.map((l) => l.dedupeKey)).size).toBe(4);
    expect(day4.lines[1].payerName).toBe("HARTLEY & SONS LTD");
  });

  it("refuses what is not a camt file, naming why", () => {
    expect(() => parseCamt("<html><body>hi</body></html>")).toThrow(/not an ISO 20022 bank statement/);
    expect(() =>
      parseCamt(
        '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt><Ntry><Amt Ccy="EUR">1.234</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>',
      ),
    ).toThrow(/no readable amount/);
  });
});

describe("invoice numbers in references and text", () => {
  it("tolerates prefixes, spaces and leading zeros, never a number inside another", () => {
    expect(invoiceKey("INV-00123")).toBe("123");
    expect(invoiceKey("2026/0042")).toBe("20260042");
    expect(numbersInText("Faktura 20011")).toEqual(["20011"]);
    expect(numbersInText("RE 5005 + 5006")).toEqual(["5005", "5006"]);
    expect(numbersInText("INV7001 THAMES")).toEqual(["7001"]);
    expect(numbersInText("Saldo fattura n. 2026/0043 del 15/10/2026")).toContain("20260043");
    expect(numbersInText("ref 120011 and 1200117")).not.toContain("20011");
    expect(numbersInText("order AB20011X")).not.toContain("20011");
  });
  it("compares payer names without company forms or punctuation", () => {
    expect(nameKey("FERRAMENTA ROSSI SRL")).toBe(nameKey("Ferramenta Rossi S.r.l."));
    expect(nameKey("Thames Tooling Limited")).toBe(nameKey("THAMES TOOLING LTD"));
  });
});
