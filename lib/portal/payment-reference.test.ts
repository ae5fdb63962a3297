import { describe, expect, it } from "vitest";
import { epcQrPayload } from "./payment-reference";

describe("EPC QR payload (EPC069-12)", () => {
  it("writes the eleven lines with a structured reference", () => {
    const payload = epcQrPayload({
      beneficiaryName: "Nordlys AS",
      iban: "NO93 8601 1117 947",
      bic: "DNBANOKK",
      amountMinor: 125_000,
      reference: "RF18539007547034",
    });
    expect(payload).toBe(
      [
        "BCD",
        "002",
        "1",
        "SCT",
        "DNBANOKK",
        "Nordlys AS",
        "NO9386011117947",
        "EUR1250.00",
        "",
        "RF18539007547034",
        "",
      ].join("\n"),
    );
  });
  it("puts a free reference on the unstructured line and refuses impossible amounts", () => {
    const base = { beneficiaryName: "A", iban: "IT60X0542811101000000123456", bic: "", reference: "Fattura 12" };
    expect(
      epcQrPayload({ ...base, amountMinor: 1 })
        ?.split("\n")
        .slice(7),
    ).toEqual(["EUR0.01", "", "", "Fattura 12"]);
    expect(epcQrPayload({ ...base, amountMinor: 0 })).toBeNull();
    expect(epcQrPayload({ ...base, iban: "not an iban", amountMinor: 5 })).toBeNull();
  });
});
