import { describe, expect, it } from "vitest";
import { isUuid, uuid7 } from "./uuid";

describe("uuid7", () => {
  it("gives distinct version 7 ids across refills of its random pool, ordered by their time", () => {
    // 4 KB pool, 16 bytes an id: 1,000 ids cross four refills.
    const ids = Array.from({ length: 1000 }, (_, i) => uuid7(1_700_000_000_000 + i));
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(isUuid(id)).toBe(true);
      expect(id[14]).toBe("7");
      expect("89ab").toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
    // The random part differs between ids of the same millisecond.
    expect(uuid7(5).slice(14)).not.toBe(uuid7(5).slice(14));
  });
});
