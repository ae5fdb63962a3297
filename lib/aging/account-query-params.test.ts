import { describe, expect, it } from "vitest";
import { parseQueryStrict, queryValues } from "@/lib/actions/query-params";
import { accountFilterSchema, accountQuerySchema } from "@/lib/aging/list-accounts";
import { AppError } from "@/lib/errors/app-error";

describe("one query schema for a page and its exports", () => {
  const bad = new URLSearchParams("sort=bogus&dir=up&currency=nok&bucket=d5&page=-3&q=Bj%C3%B8rn");

  it("the page falls back per field and keeps the good values", () => {
    expect(accountQuerySchema.parse(queryValues(bad))).toEqual({
      sort: "oldest",
      dir: "desc",
      page: 1,
      q: "Bjørn",
    });
  });

  it("an export refuses the same query, naming each bad parameter", () => {
    let caught: unknown;
    try {
      parseQueryStrict(accountFilterSchema, bad);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const e = caught as AppError;
    expect(e.status).toBe(400);
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(["bucket", "currency", "dir", "page", "sort"]);
    expect(e.message).toContain("currency: use a currency code of three capital letters, like NOK");
  });

  it("blank parameters mean no filter, and both read a good query alike", () => {
    const good = new URLSearchParams("sort=open&dir=asc&currency=EUR&bucket=d31_60&q=&asOf=");
    const strict = parseQueryStrict(accountFilterSchema, good);
    expect(strict).toEqual({ sort: "open", dir: "asc", currency: "EUR", bucket: "d31_60", page: 1 });
    expect(accountQuerySchema.parse(queryValues(good))).toEqual(strict);
  });
});
