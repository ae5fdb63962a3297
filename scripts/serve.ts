// The production web server (what `npm start` runs instead of `next start`):
// Next.js behind a few lines of Node that set X-Forwarded-For to the client's
// address as the socket and TRUSTED_PROXIES say (lib/http/client-address.ts),
// so a forged header never reaches the audit log. PORT, HOSTNAME from the environment.
import { createServer } from "node:http";
import next from "next";
import { clientAddress, trustedProxies } from "@/lib/http/client-address";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "0.0.0.0";
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
server.listen(port, hostname, () => console.log(`Serving on http://localhost:${port}`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
