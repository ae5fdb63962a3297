import { describe, expect, it } from "vitest";
import { letterheadLegalLine } from "./letterhead-requirements";

describe("a UK company's letterhead names where it is registered (reg. 25, 2015 Regulations)", () => {
  const line = (registrationNumber: string) =>
    letterheadLegalLine({
      countryCode: "GB",
      registrationNumber,
      vatNumber: "GB123456789",
      registeredOffice: "1 High Street, Bristol BS1 1AA",
    });
  it.each([
    ["01234567", "Registered in England and Wales, company number 01234567"],
    ["SC123456", "Registered in Scotland, company number SC123456"],
    ["NI012345", "Registered in Northern Ireland, company number NI012345"],
    ["OC301234", "Registered in England and Wales, company number OC301234"],
  ])("%s", (number, expected) => {
    expect(line(number)).toBe(`${expected} · Registered office: 1 High Street, Bristol BS1 1AA · VAT GB123456789`);
  });
});
