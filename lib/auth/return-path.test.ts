import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each([
    ["/worklist", "/worklist"],
    [
      "/customers/0190a1b2-0000-7000-8000-000000000001?currency=EUR",
      "/customers/0190a1b2-0000-7000-8000-000000000001?currency=EUR",
    ],
    ["/?sort=open&dir=desc#top", "/?sort=open&dir=desc#top"],
  ])("keeps a path on this site: %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "/sign-in?next=/sign-in",
    "/api/exports/aging",
    "/\u0000x",
    "",
    undefined,
    42,
  ])("refuses %s and falls back to the role's start page", (input) => {
    expect(safeReturnPath(input)).toBe("/start");
  });
});
