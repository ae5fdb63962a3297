import { describe, expect, it } from "vitest";
import { addMonths, lastMonths, monthEnd, monthStart } from "./months";

describe("months", () => {
  it("steps across year ends and month lengths", () => {
    expect(monthStart("2026-11-25")).toBe("2026-11-01");
    expect(addMonths("2026-11-25", 2)).toBe("2027-01-01");
    expect(addMonths("2026-01-31", -1)).toBe("2025-12-01");
    expect(monthEnd("2028-02-10")).toBe("2028-02-29");
    expect(monthEnd("2026-12-01")).toBe("2026-12-31");
  });

  it("lists the last twelve months ending with today's", () => {
    const months = lastMonths("2026-11-25", 12);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe("2025-12-01");
    expect(months[11]).toBe("2026-11-01");
  });
});
