import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, inject } from "vitest";

// The app's /api/v1 route files (app/api/v1/**/route.ts, as Next.js serves them)
// behind a real HTTP server on 127.0.0.1, so tests speak HTTP with fetch: the
// same handlers `next start` runs, without building the whole app on every run.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
interface Route {
  pattern: RegExp;
  names: string[];
  module: Record<string, Handler>;
}

const APP = path.resolve(import.meta.dirname, "../app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

async function loadRoutes(): Promise<Route[]> {
  const files = [...routeFiles(path.join(APP, "api/v1")), ...routeFiles(path.join(APP, "api/docs"))];
  const routes = await Promise.all(
    files.map(async (file) => {
      const segments = path.relative(APP, path.dirname(file)).split(path.sep);
      const names: string[] = [];
      const regex = segments
        .map((s) => {
          const param = /^\[(.+)\]$/.exec(s);
          if (!param) return s.replace(/[.]/g, "\\.");
          names.push(param[1]);
          return "([^/]+)";
        })
        .join("/");
      return { pattern: new RegExp(`^/${regex}$`), names, module: (await import(file)) as Record<string, Handler> };
    }),
  );
  // Literal segments before parameters: /letters/x/pdf is not /letters/[id].
  return routes.sort((a, b) => a.names.length - b.names.length);
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
  }
  // As scripts/serve.ts does: the socket's address, not what the client claims.
  headers.set("x-forwarded-for", req.socket.remoteAddress ?? "");
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", base), { method: req.method, headers, body });
}

/** Starts the server for the test file (DATABASE_URL = the test database) and gives its base URL. */
export function useApiServer(): { url: () => string } {
  let server: Server;
  let base = "";
  beforeAll(async () => {
    process.env.DATABASE_URL = inject("testDatabaseUrl");
    const routes = await loadRoutes();
    server = createServer(async (req, res) => {
      try {
        const request = await toRequest(req, base);
        const pathname = new URL(request.url).pathname;
        const route = routes.find((r) => r.pattern.test(pathname));
        const handler = route?.module[request.method];
        if (!route || !handler) {
          res.writeHead(route ? 405 : 404).end();
          return;
        }
        const match = route.pattern.exec(pathname)!;
        const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1])]));
        const response = await handler(request, { params: Promise.resolve(params) });
        res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    const { db } = await import("@/lib/db/client");
    if (process.env.DATABASE_URL) await db().$disconnect();
  });
  return { url: () => base };
}

/** fetch with a bearer token and JSON, answering status, headers and the parsed body. */
export function apiClient(base: () => string, token: string) {
  return async (method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base()}/api/v1${pathAndQuery}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get("content-type") ?? "";
    const parsed = /json/.test(type) ? await response.json() : Buffer.from(await response.arrayBuffer());
    // biome-ignore lint/suspicious/noExplicitAny: tests read whichever fields the route answers
    return { status: response.status, headers: response.headers, type, body: parsed as any };
  };
}
