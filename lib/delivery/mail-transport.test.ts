import { describe, expect, it } from "vitest";
import { transportFromEnv } from "./mail-transport";

describe("transportFromEnv", () => {
  it("uses the outbox when SMTP_URL is not set, so the demo never pretends to send", () => {
    expect(transportFromEnv({})).toEqual({ kind: "outbox" });
    expect(transportFromEnv({ SMTP_URL: "" })).toEqual({ kind: "outbox" });
  });

  it("sends through SMTP when SMTP_URL is set", () => {
    expect(transportFromEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).kind).toBe("smtp");
  });
});
