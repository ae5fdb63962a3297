import { describe, expect, it } from "vitest";
import { percentile, summarize } from "./stats";

describe("bench statistics", () => {
  it("takes the median of an even and an odd number of runs", () => {
    expect(summarize([5, 1, 3]).median_ms).toBe(3);
    expect(summarize([4, 1, 3, 2]).median_ms).toBe(2.5);
  });
  it("uses the nearest rank for p95", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 95)).toBe(19);
    expect(summarize(twenty).p95_ms).toBe(19);
    expect(summarize([7]).p95_ms).toBe(7);
  });
});
