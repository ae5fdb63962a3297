import http from "node:http";

/** One signed-in user's view of a running app server, for whole-request timings. */
export interface HttpSession {
  base: string;
  /** GETs a path with the session cookie over a kept-alive connection; resolves when the whole body has arrived. */
  get(path: string): Promise<{ status: number; bytes: number }>;
}

/**
 * A GET client with as little of its own cost as Node allows: one kept-alive
 * socket, no decompression (the server is asked for identity encoding, so the
 * byte count is the page's real size), the body counted and dropped. fetch
 * (undici) adds ~1 ms per request of its own on these machines; this adds ~0.2 ms.
 */
export function httpSession(base: string, cookie: string): HttpSession {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(base);
  return {
    base,
    get: (path) =>
      new Promise((resolve, reject) => {
        const req = http.get(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path,
            headers: { cookie, "accept-encoding": "identity", accept: "text/html,application/json" },
          },
          (res) => {
            let bytes = 0;
            res.on("data", (chunk: Buffer) => {
              bytes += chunk.length;
            });
            res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
            res.on("error", reject);
          },
        );
        req.on("error", reject);
      }),
  };
}

/** GETs a path and fails unless it answers 200: a bench must not time an error page or a redirect. */
export async function getPage(session: HttpSession, path: string): Promise<number> {
  const { status, bytes } = await session.get(path);
  if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
  return bytes;
}
