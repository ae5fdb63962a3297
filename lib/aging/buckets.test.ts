import { describe, expect, it } from "vitest";
import { bucketFor } from "./buckets";

describe("bucketFor", () => {
  it.each([
    [-10, "current"],
    [0, "current"],
    [1, "d1_30"],
    [30, "d1_30"],
    [31, "d31_60"],
    [60, "d31_60"],
    [61, "d61_90"],
    [90, "d61_90"],
    [91, "d90_plus"],
    [900, "d90_plus"],
  ])("%i days past due -> %s", (days, bucket) => {
    expect(bucketFor(days)).toBe(bucket);
  });
});
