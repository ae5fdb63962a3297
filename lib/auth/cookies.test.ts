import { describe, expect, it } from "vitest";
import { sessionCookie } from "./cookies";

describe("session cookie", () => {
  it("is httpOnly and SameSite=Lax everywhere, Secure in production", () => {
    expect(sessionCookie({ NODE_ENV: "production" })).toMatchObject({
      name: "__Secure-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", secure: true },
    });
    expect(sessionCookie({ NODE_ENV: "development" }).options).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
    expect(sessionCookie({ NODE_ENV: "production", DUNNING_DEMO: "1" }).options.secure).toBe(false);
  });
});
