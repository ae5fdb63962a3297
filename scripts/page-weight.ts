// `npx tsx scripts/page-weight.ts --scale 100k [--port 3311] [path ...]`: serves the
// built app on a scale database, signs in as its collector and prints, per page, the
// response's bytes split into the HTML and the inline RSC payload (self.__next_f).
// Writes each response to /tmp/page-weight/ to look into.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { summarizeCpuProfiles } from "@/tooling/bench/cpu-profile";
import { processTreeCpuMs } from "@/tooling/bench/process-cpu";
import { SCALE_ORG_ID, SCALE_PASSWORD } from "@/tooling/scale/generate-scale-data";
import { assertScaleDatabase, openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";
import { chromiumLaunchOptions } from "./chromium";
import { signInOverHttp } from "./http-session";
import { runNext, waitForHttp } from "./next-cli";

const { values, positionals } = parseArgs({
  options: {
    scale: { type: "string", default: "100k" },
    port: { type: "string", default: "3311" },
    repeat: { type: "string", default: "1" },
    "cpu-prof": { type: "boolean", default: false },
    /** Another checkout's build to serve (its .next), e.g. the branch point, for a before/after. */
    app: { type: "string" },
    /** Screenshots at 1440 and 390 px into this folder, named by this prefix: --shots /dir/prefix */
    shots: { type: "string" },
  },
  allowPositionals: true,
});
const database = await openScaleDatabase(parseScaleSize(values.scale!));
assertScaleDatabase(database.url);
const db = createDb(database.url);
const collector = await db.user.findFirstOrThrow({ where: { orgId: SCALE_ORG_ID, role: "COLLECTOR" } });
const [{ customer_id }] = await db.$queryRaw<{ customer_id: string }[]>`
  SELECT customer_id FROM invoices WHERE org_id = ${SCALE_ORG_ID}::uuid AND paid_minor < amount_minor ORDER BY md5(customer_id::text) LIMIT 1`;
const base = `http://127.0.0.1:${values.port}`;
const PROFILE_DIR = "/tmp/page-weight/cpu-prof";
if (values["cpu-prof"]) rmSync(PROFILE_DIR, { recursive: true, force: true });
const server = runNext(
  ["start", ...(values.app ? [values.app] : []), "-p", values.port!, "-H", "127.0.0.1"],
  { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(33).toString("base64"), DUNNING_DEMO: "" },
  values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [],
);
try {
  await waitForHttp(`${base}/sign-in`, 120_000);
  const cookie = await signInOverHttp(base, collector.email, SCALE_PASSWORD);
  const paths = positionals.length ? positionals : ["/", `/customers/${customer_id}`];
  mkdirSync("/tmp/page-weight", { recursive: true });
  for (const p of paths) {
    const get = () =>
      fetch(`${base}${p.replace("CUSTOMER", customer_id)}`, { headers: { cookie, "accept-encoding": "identity" } });
    const res = await get();
    const html = await res.text();
    // With --repeat: the server's CPU per request (its process tree, from /proc) and the median wall time.
    const repeat = Number(values.repeat);
    const cpuBefore = processTreeCpuMs(server.pid!);
    const walls: number[] = [];
    for (let i = 1; i < repeat; i++) {
      const t = performance.now();
      await (await get()).text();
      walls.push(performance.now() - t);
    }
    if (repeat > 1) {
      walls.sort((a, b) => a - b);
      const cpu = (processTreeCpuMs(server.pid!) - cpuBefore) / (repeat - 1);
      console.log(
        `${p}: ${repeat - 1} requests, server CPU ${cpu.toFixed(1)} ms each, median ${walls[walls.length >> 1].toFixed(1)} ms, load ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(" ")}`,
      );
    }
    const payload = [...html.matchAll(/<script>self\.__next_f\.push\((.*?)\)<\/script>/gs)].reduce(
      (n, m) => n + m[1].length,
      0,
    );
    const scripts = [...html.matchAll(/<script[^>]*src=/g)].length;
    const file = `/tmp/page-weight/${p.replace(/[^a-z0-9]+/gi, "_")}.html`;
    writeFileSync(file, html);
    console.log(
      `${p}: ${res.status} ${(html.length / 1024).toFixed(1)} KB, RSC payload ${(payload / 1024).toFixed(1)} KB, HTML ${((html.length - payload) / 1024).toFixed(1)} KB, ${scripts} script tags -> ${file}`,
    );
  }
  if (values.shots)
    await screenshots(
      values.shots,
      paths.map((p) => p.replace("CUSTOMER", customer_id)),
      cookie,
    );
} finally {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill(values["cpu-prof"] ? "SIGINT" : "SIGTERM");
  await exited;
  if (values["cpu-prof"]) console.log(summarizeCpuProfiles(PROFILE_DIR, 40));
  await db.$disconnect();
  await database.stop();
}

/** Each page at 1440 and 390 px, full length, signed in with the session cookie; a `#open=<testid>` suffix opens that panel first. */
async function screenshots(prefix: string, pagePaths: string[], cookie: string) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch(await chromiumLaunchOptions());
  try {
    const [name, value] = cookie.split(/=(.*)/s);
    for (const width of [1440, 390]) {
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } });
      // The session cookie is __Secure-: Chromium takes it over http from 127.0.0.1 (a trustworthy origin).
      await context.addCookies([{ name, value, domain: "127.0.0.1", path: "/", secure: true }]);
      const page = await context.newPage();
      for (const p of pagePaths) {
        const [pathname, open] = p.split("#open=");
        await page.goto(`${base}${pathname}`, { waitUntil: "networkidle" });
        if (open) {
          await page.getByTestId(open).locator("summary").first().click();
          await page.waitForTimeout(300);
        }
        const label =
          pathname === "/" ? "report" : pathname.startsWith("/customers/") ? "customer" : pathname.replace(/\W+/g, "-");
        await page.screenshot({ path: `${prefix}${label}${open ? `-${open}` : ""}-${width}.png`, fullPage: true });
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}
