import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret, resolveEmailSettingsKey } from "./config";
import { sealingKey } from "./delivery/secret-box";

describe("resolveAuthSecret", () => {
  it("requires AUTH_SECRET outside demo mode, with a clear message", () => {
    expect(() => resolveAuthSecret({ demo: false, env: {} })).toThrow(/AUTH_SECRET is not set/);
    expect(() => resolveAuthSecret({ demo: false, env: { AUTH_SECRET: "short" } })).toThrow(/at least 32/);
  });

  it("uses a configured secret", () => {
    const secret = "x".repeat(40);
    expect(resolveAuthSecret({ demo: false, env: { AUTH_SECRET: secret } })).toBe(secret);
  });

  it("generates and keeps a demo secret", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dd-secret-"));
    const first = resolveAuthSecret({ demo: true, env: {}, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(resolveAuthSecret({ demo: true, env: {}, dataDir })).toBe(first);
  });
});

describe("resolveEmailSettingsKey", () => {
  it("is the operator's outside demo mode: absent stays absent, a configured key is used", () => {
    expect(resolveEmailSettingsKey({ demo: false, env: {} })).toBeUndefined();
    expect(resolveEmailSettingsKey({ demo: false, env: { EMAIL_SETTINGS_KEY: "ab".repeat(32) } })).toBe(
      "ab".repeat(32),
    );
  });

  it("generates and keeps a demo key that the password seal accepts", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "dd-email-key-"));
    const first = resolveEmailSettingsKey({ demo: true, env: {}, dataDir });
    expect(resolveEmailSettingsKey({ demo: true, env: {}, dataDir })).toBe(first);
    expect(sealingKey({ EMAIL_SETTINGS_KEY: first })).toBeTruthy();
  });
});
