import { describe, expect, it } from "vitest";
import { seal, sealingKey, unseal } from "./secret-box";

const env = { EMAIL_SETTINGS_KEY: "11".repeat(32) };
const other = { EMAIL_SETTINGS_KEY: Buffer.alloc(32, 7).toString("base64url") };

describe("secret box", () => {
  it("seals with a fresh IV each time and opens only with the same key and context", () => {
    const a = seal("hunter2-æøå", "org-a", env);
    const b = seal("hunter2-æøå", "org-a", env);
    expect(a).not.toBe(b);
    expect(a).not.toContain("hunter2");
    expect(unseal(a, "org-a", env)).toBe("hunter2-æøå");
    expect(() => unseal(a, "org-b", env)).toThrow(/does not open/);
    expect(() => unseal(a, "org-a", other)).toThrow(/another EMAIL_SETTINGS_KEY/);
    const tampered = `${a.slice(0, -2)}${a.endsWith("AA") ? "BB" : "AA"}`;
    expect(() => unseal(tampered, "org-a", env)).toThrow(/does not open|unreadable/);
  });

  it("refuses to seal without a key, and refuses a key of the wrong size", () => {
    expect(sealingKey({})).toBeNull();
    expect(() => seal("x", "org", {})).toThrow(/no EMAIL_SETTINGS_KEY/);
    expect(() => sealingKey({ EMAIL_SETTINGS_KEY: "short" })).toThrow(/32 random bytes/);
  });
});
