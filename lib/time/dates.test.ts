import { describe, expect, it } from "vitest";
import { addDaysTo, daysBetween, isDateOnly, todayIn } from "./dates";

describe("todayIn", () => {
  it("decides the day in the organization's time zone", () => {
    const instant = new Date("2026-03-31T22:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-03-31");
    expect(todayIn("Europe/Oslo", instant)).toBe("2026-04-01"); // CEST, UTC+2
    expect(todayIn("America/New_York", instant)).toBe("2026-03-31");
    expect(todayIn("Pacific/Auckland", new Date("2026-12-31T11:00:00Z"))).toBe("2027-01-01");
  });
});

describe("date-only arithmetic", () => {
  it("counts calendar days across DST changes", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-10-24", "2026-10-26")).toBe(2);
    expect(daysBetween("2026-02-01", "2026-01-01")).toBe(-31);
  });

  it("adds days across month and leap-year ends", () => {
    expect(addDaysTo("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDaysTo("2026-12-25", 14)).toBe("2027-01-08");
  });

  it("rejects impossible dates", () => {
    expect(isDateOnly("2026-02-29")).toBe(false);
    expect(isDateOnly("0000-00-00")).toBe(false);
    expect(isDateOnly("2026-1-5")).toBe(false);
    expect(isDateOnly("2028-02-29")).toBe(true);
  });
});
