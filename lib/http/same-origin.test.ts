import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const check = (headers: Record<string, string>) => () => assertSameOrigin(new Headers(headers));

describe("assertSameOrigin", () => {
  it("lets same-origin posts through", () => {
    expect(
      check({ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" }),
    ).not.toThrow();
    expect(
      check({ origin: "https://ar.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "ar.example.com" }),
    ).not.toThrow();
    expect(check({ host: "localhost:3000" })).not.toThrow(); // a non-browser client; the session still decides
  });

  it("refuses cross-site posts", () => {
    expect(check({ origin: "https://evil.example", host: "localhost:3000" })).toThrow(/another site/);
    expect(check({ origin: "null", host: "localhost:3000" })).toThrow(/another site/);
    expect(check({ host: "localhost:3000", "sec-fetch-site": "cross-site" })).toThrow(/another site/);
    expect(check({ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-site" })).toThrow(
      /another site/,
    );
  });
});
