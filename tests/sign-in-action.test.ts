import { describe, expect, it } from "vitest";
import { signInAction } from "@/app/sign-in/actions";

// A hand-crafted POST to the sign-in action with missing or malformed fields gets a
// clear message before any credential check runs.
describe("sign-in action input", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it.each([
    [{}, "Enter your email."],
    [{ email: "   ", password: "x" }, "Enter your email."],
    [{ email: "a@b.test" }, "Enter your password."],
    [{ email: "a@b.test", password: "x".repeat(2000) }, "That password is too long."],
  ])("%j -> %s", async (fields, message) => {
    const state = await signInAction(undefined, form(fields as Record<string, string>));
    expect(state?.message).toBe(message);
  });
});
