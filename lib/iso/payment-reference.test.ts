import { describe, expect, it } from "vitest";
import {
  buildKid,
  buildRfReference,
  compactRfReference,
  isRfReference,
  kidChecks,
  mod10CheckDigit,
  mod11CheckDigit,
  printedRfReference,
  rfReferenceForInvoice,
} from "./payment-reference";

describe("KID check digits", () => {
  it("MOD10 (Luhn) as the Nets OCR giro guide computes it", () => {
    // Luhn's textbook example: 7992739871 → 3.
    expect(mod10CheckDigit("7992739871")).toBe("3");
    expect(kidChecks("79927398713")).toContain("mod10");
    expect(kidChecks("79927398710")).toEqual([]);
  });
  it("MOD11 with weights 2..7 from the right; 10 is written '-'", () => {
    // 1234567 → weights 2,3,4,5,6,7,2 from the right: 7*2+6*3+5*4+4*5+3*6+2*7+1*2 = 106; 106 % 11 = 7; 11-7 = 4.
    expect(mod11CheckDigit("1234567")).toBe("4");
    expect(kidChecks("12345674")).toContain("mod11");
    expect(kidChecks("12345675")).not.toContain("mod11");
    const dash = ["1", "2", "3", "4", "5", "6", "7", "8", "9"]
      .map((d) => `100${d}`)
      .find((b) => mod11CheckDigit(b) === "-");
    if (dash) expect(kidChecks(`${dash}-`)).toEqual(["mod11"]);
  });
  it("builds a KID from customer reference and invoice number, padded to the length", () => {
    const kid = buildKid({ mode: "mod10", length: 10, customerRef: "C-42", invoiceNumber: "INV-1001" });
    expect(kid).toBe(`000421001${mod10CheckDigit("000421001")}`);
    expect(kidChecks(kid!)).toContain("mod10");
    expect(buildKid({ mode: "mod11", length: 0, customerRef: "7", invoiceNumber: "55" })).toBe(
      `755${mod11CheckDigit("755")}`,
    );
    expect(buildKid({ mode: "mod10", length: 0, customerRef: "7", invoiceNumber: "none" })).toBeNull();
  });
});

describe("ISO 11649 RF creditor reference", () => {
  it("verifies the standard's example and refuses a changed digit", () => {
    expect(isRfReference("RF18 5390 0754 7034")).toBe(true);
    expect(isRfReference("RF18 5390 0754 7035")).toBe(false);
    expect(isRfReference("RF18539007547034")).toBe(true);
  });
  it("builds references that verify", () => {
    expect(buildRfReference("539007547034")).toBe("RF18539007547034");
    expect(isRfReference(buildRfReference("INV2026-0042"))).toBe(true);
  });
});

describe("RF reference for an invoice number", () => {
  it("gives the standard's own example, dropping the characters RF does not allow", () => {
    // ISO 11649's worked example: reference 539007547034 -> RF18 5390 0754 7034.
    expect(rfReferenceForInvoice("5390-0754-7034")).toBe("RF18539007547034");
    expect(rfReferenceForInvoice("5390 0754/7034")).toBe("RF18539007547034");
  });
  it("keeps letters upper-cased, drops accents and punctuation, verifies, and is null with nothing left", () => {
    const ref = rfReferenceForInvoice("inv-2026/0042")!;
    expect(ref).toMatch(/^RF\d{2}INV20260042$/);
    expect(isRfReference(ref)).toBe(true);
    expect(rfReferenceForInvoice("FT-à2026")).toMatch(/^RF\d{2}FT2026$/);
    expect(rfReferenceForInvoice("---")).toBeNull();
    expect(rfReferenceForInvoice("")).toBeNull();
  });
  it("keeps the last 21 characters of a longer number, where the counter is", () => {
    const ref = rfReferenceForInvoice("ACME-NORDIC-2026-EXPORT-000123")!;
    expect(ref.slice(4)).toBe("NORDIC2026EXPORT000123".slice(-21));
    expect(ref).toHaveLength(25);
    expect(isRfReference(ref)).toBe(true);
  });
  it("a wrong check digit in any position fails", () => {
    const ref = rfReferenceForInvoice("2026/0043")!;
    for (let i = 4; i < ref.length; i++) {
      const d = ref[i] === "9" ? "0" : String(Number(ref[i]) + 1);
      expect(isRfReference(ref.slice(0, i) + d + ref.slice(i + 1))).toBe(false);
    }
    expect(compactRfReference(" rf61 2026 0043 ")).toBe(ref);
    expect(ref).toBe("RF6120260043");
  });
});

describe("printed RF reference", () => {
  it("groups of four, as ISO 11649's paper format", () => {
    expect(printedRfReference("RF18539007547034")).toBe("RF18 5390 0754 7034");
    expect(printedRfReference("rf18 5390 0754 70")).toBe("RF18 5390 0754 70");
  });
});
