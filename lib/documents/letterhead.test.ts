import { describe, expect, it } from "vitest";
import { letterheadForLetter, letterheadSnapshot } from "./letterhead";

const us = {
  name: "Lone Star Supply LLC",
  addressLine1: "500 Congress Ave",
  addressLine2: "Suite 300",
  postalCode: "78701",
  city: "Austin",
  region: "TX",
  country: "United States",
  countryCode: "US",
  phone: "+1 512 555 0100",
  email: "ar@lonestar.example",
  website: "",
  paymentInstructions: "",
  logoSha256: null,
};

describe("letterhead address", () => {
  it("prints a US sender's state between city and ZIP code, as USPS writes it", () => {
    expect(letterheadSnapshot(us).addressLines).toEqual([
      "500 Congress Ave",
      "Suite 300",
      "Austin, TX 78701",
      "United States",
    ]);
  });

  it("prints an Italian sender's province after the city", () => {
    const it = {
      ...us,
      name: "Officine Bellini S.r.l.",
      addressLine1: "Via Garibaldi 12",
      addressLine2: "",
      postalCode: "20121",
      city: "Milano",
      region: "MI",
      country: "Italia",
      countryCode: "IT",
      registrationNumber: "MI-1234567",
      vatNumber: "IT01234567890",
    };
    const head = letterheadForLetter(it, { bank: null, stage: 1 });
    expect(head.addressLines).toEqual(["Via Garibaldi 12", "20121 Milano MI", "Italia"]);
  });

  it("leaves the locality as before when no region is recorded", () => {
    expect(letterheadSnapshot({ ...us, region: "" }).addressLines[2]).toBe("Austin, 78701");
  });
});
