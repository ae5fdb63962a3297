import { describe, expect, it } from "vitest";
import { niceScale, scaleFraction } from "./chart-scale";

describe("niceScale", () => {
  it("rounds the top up to a round step and ticks evenly from zero", () => {
    expect(niceScale(9_340_000)).toEqual({
      max: 10_000_000,
      step: 2_500_000,
      ticks: [0, 2_500_000, 5_000_000, 7_500_000, 10_000_000],
    });
    expect(niceScale(1234)).toEqual({ max: 1500, step: 500, ticks: [0, 500, 1000, 1500] });
    expect(niceScale(100)).toEqual({ max: 100, step: 25, ticks: [0, 25, 50, 75, 100] });
  });

  it("keeps the top at or above the largest bar with at most the asked intervals", () => {
    for (const v of [1, 7, 99, 101, 4_999, 5_001, 123_456_789]) {
      const s = niceScale(v);
      expect(s.max).toBeGreaterThanOrEqual(v);
      expect(s.ticks.length - 1).toBeLessThanOrEqual(4);
      expect(s.ticks.every(Number.isInteger)).toBe(true);
    }
  });

  it("gives an empty chart a scale instead of dividing by zero", () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(scaleFraction(0, niceScale(0))).toBe(0);
  });

  it("places values as fractions of the top, clamped", () => {
    const s = niceScale(1234);
    expect(scaleFraction(750, s)).toBe(0.5);
    expect(scaleFraction(-5, s)).toBe(0);
    expect(scaleFraction(9999, s)).toBe(1);
  });
});
