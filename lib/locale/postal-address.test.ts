import { describe, expect, it } from "vitest";
import { postalAddressLines, streetLines } from "./postal-address";

const address = (countryCode: string, over: Record<string, string> = {}) => ({
  addressLine1: "Main Street 1",
  addressLine2: "",
  postalCode: "78701",
  city: "Austin",
  region: "TX",
  countryCode,
  ...over,
});

describe("one address format per country, everywhere", () => {
  it("US: city, state and ZIP on one line (USPS)", () => {
    expect(streetLines(address("US"))).toEqual(["Main Street 1", "Austin, TX 78701"]);
  });
  it("Italy: CAP, city and province; Norway: postcode and city; UK: town then postcode", () => {
    expect(streetLines(address("IT", { postalCode: "20121", city: "Milano", region: "mi" }))).toEqual([
      "Main Street 1",
      "20121 Milano MI",
    ]);
    expect(streetLines(address("NO", { postalCode: "0155", city: "Oslo", region: "" }))).toEqual([
      "Main Street 1",
      "0155 Oslo",
    ]);
    expect(streetLines(address("GB", { postalCode: "BS1 4DJ", city: "Bristol", region: "" }))).toEqual([
      "Main Street 1",
      "BRISTOL",
      "BS1 4DJ",
    ]);
  });
  it("the envelope is the same lines with the name, attention and (abroad) the country", () => {
    const lines = postalAddressLines(
      { ...address("US"), name: "Lone Star Ltd", country: "United States" },
      { attention: "Attn: Accounts Department", fromCountryCode: "NO" },
    );
    expect(lines).toEqual([
      "Lone Star Ltd",
      "Attn: Accounts Department",
      ...streetLines(address("US")),
      "UNITED STATES",
    ]);
  });
});
