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
    // Issue 22: paths that normalise to "//evil.example" (checked after normalisation).
    "/.//evil.example",
    "/..//evil.example",
    "/%2e//evil.example",
    "/%2E//evil.example",
    "/./\\evil.example",
    "/a/..//evil.example",
    "/a/b/../..//evil.example/x?y=1",
    "/%2e%2e//evil.example",
    "",
    undefined,
    42,
  ])("refuses %s and falls back to the role's start page", (input) => {
    expect(safeReturnPath(input)).toBe("/start");
  });
});
