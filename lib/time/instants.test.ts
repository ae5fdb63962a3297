import { describe, expect, it } from "vitest";
import { instantAt, wallClockTime } from "./instants";

describe("wallClockTime", () => {
  it("reads the time in the organization's zone, on both sides of a DST change", () => {
    // Oslo moves from +01:00 to +02:00 at 01:00 UTC on 29 March 2026.
    expect(wallClockTime(new Date("2026-03-29T00:30:00Z"), "Europe/Oslo")).toBe("01:30");
    expect(wallClockTime(new Date("2026-03-29T01:30:00Z"), "Europe/Oslo")).toBe("03:30");
    expect(wallClockTime(new Date("2026-03-29T01:30:00Z"), "UTC")).toBe("01:30");
  });

  it("is the time instantAt was given", () => {
    expect(wallClockTime(instantAt("2026-11-25", "09:05", "America/New_York"), "America/New_York")).toBe("09:05");
  });
});
