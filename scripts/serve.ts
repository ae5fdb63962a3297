// The production web server (what `npm start` runs instead of `next start`):
// Next.js behind a few lines of Node that set X-Forwarded-For to the client's
// address as the socket and TRUSTED_PROXIES say (lib/http/client-address.ts),
// so a forged header never reaches the audit log. PORT, HOSTNAME from the environment.
// WEB_CONCURRENCY=N (default 1) serves from N processes sharing the port
// (node:cluster): rendering a page is JavaScript on one thread, so one process
// uses one core. Each process costs its own memory (docs/performance.md).
import cluster from "node:cluster";
import { createServer } from "node:http";
import next from "next";
import { clientAddress, trustedProxies } from "@/lib/http/client-address";
import { writeServeStats } from "./serve-stats";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
const processes = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? 1) || 1);

if (cluster.isPrimary && processes > 1) {
  let stopping = false;
  const fork = () => cluster.fork().on("exit", (code) => !stopping && code !== 0 && fork());
  for (let i = 0; i < processes; i++) fork();
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
  };
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
  console.log(`Serving on http://localhost:${port} from ${processes} processes`);
} else {
  await serve();
}

async function serve() {
  writeServeStats(process.env.SERVE_STATS_DIR);
  const app = next({ dev: false, dir: process.cwd(), port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const trusted = trustedProxies();

  const server = createServer((req, res) => {
    const forwarded = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = clientAddress(
      req.socket.remoteAddress ?? "",
      Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
      trusted,
    );
    delete req.headers["x-real-ip"];
    void handle(req, res);
  });
  server.listen(port, hostname, () => cluster.isPrimary && console.log(`Serving on http://localhost:${port}`));

  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
