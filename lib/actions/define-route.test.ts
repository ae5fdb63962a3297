import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session-user";

// The session comes from next-auth's cookie; here it is a signed-in collector.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => session.user }));

const { defineRoute } = await import("./define-route");

const run = vi.fn(async () => Response.json({ ok: true }));
const route = defineRoute({ roles: ["ADMIN", "COLLECTOR"], run });
const call = (method: string, headers: Record<string, string>) =>
  route(
    new Request("http://localhost:3000/api/imports", { method, headers, body: method === "GET" ? undefined : "x" }),
    { params: Promise.resolve({}) },
  );

beforeEach(() => {
  run.mockClear();
  session.user = {
    userId: "00000000-0000-4000-8000-000000000001",
    orgId: "00000000-0000-4000-8000-000000000002",
    role: "COLLECTOR",
  } as SessionUser;
});

describe("defineRoute", () => {
  it("refuses a POST from another site before looking at the session, and runs nothing", async () => {
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", host: "localhost:3000" },
      { host: "localhost:3000", "sec-fetch-site": "cross-site" },
      { origin: "null", host: "localhost:3000" },
    ];
    for (const headers of crossSite) {
      const response = await call("POST", headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        code: "FORBIDDEN",
        message: "This request came from another site and was refused.",
      });
    }
    expect(
      await (await call("DELETE", { origin: "https://evil.example", host: "localhost:3000" })).json(),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(run).not.toHaveBeenCalled();
  });

  it("runs a POST from our own pages, and from a client that sends no Origin", async () => {
    expect(
      (await call("POST", { origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" }))
        .status,
    ).toBe(200);
    expect((await call("POST", { host: "localhost:3000" })).status).toBe(200);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it("lets a GET through from a link on another site (it changes nothing); the session and role still decide", async () => {
    expect((await call("GET", { host: "localhost:3000", "sec-fetch-site": "cross-site" })).status).toBe(200);
    session.user = { ...session.user!, role: "VIEWER" };
    expect(await (await call("GET", { host: "localhost:3000" })).json()).toMatchObject({
      code: "FORBIDDEN",
      message: "Your role does not allow this. Ask an administrator.",
    });
    session.user = null;
    expect((await call("POST", { origin: "http://localhost:3000", host: "localhost:3000" })).status).toBe(401);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
