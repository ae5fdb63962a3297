import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxies } from "./client-address";

// Issue 14, item 14: a client-sent X-Forwarded-For was recorded as the sign-in address.
describe("clientAddress", () => {
  const none = trustedProxies("");
  const proxy = trustedProxies("10.0.0.2, ::ffff:10.0.0.3");

  it("ignores X-Forwarded-For from a client that is not a configured proxy", () => {
    expect(clientAddress("203.0.113.5", "6.6.6.6", none)).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", "6.6.6.6, 7.7.7.7", none)).toBe("203.0.113.5");
  });

  it("believes only the hops that configured proxies appended", () => {
    // The client forged 6.6.6.6; the proxy appended the address it saw.
    expect(clientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", proxy)).toBe("198.51.100.7");
    expect(clientAddress("::ffff:10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3", proxy)).toBe("198.51.100.7");
    expect(clientAddress("10.0.0.2", undefined, proxy)).toBe("10.0.0.2");
  });
});
