import { describe, expect, it } from "vitest";
import { countryFromText } from "./country-from-text";

describe("countryFromText", () => {
  it("reads codes and names as customers files write them (issue 23 §4)", () => {
    expect(countryFromText("GB")).toBe("GB");
    expect(countryFromText(" no ")).toBe("NO");
    expect(countryFromText("Norge")).toBe("NO");
    expect(countryFromText("Italia")).toBe("IT");
    expect(countryFromText("United Kingdom")).toBe("GB");
    expect(countryFromText("UK")).toBe("GB");
    expect(countryFromText("Deutschland")).toBe("DE");
    expect(countryFromText("Sverige")).toBe("SE");
  });

  it("gives null for what is not a country", () => {
    expect(countryFromText("")).toBeNull();
    expect(countryFromText("XX")).toBeNull();
    expect(countryFromText("Oslo")).toBeNull();
  });
});
