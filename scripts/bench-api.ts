// `npx tsx scripts/bench-api.ts <baseUrl> <token> [count]`: PUT <count> invoices (default 1,000)
// through the public API with fetch, 8 at a time, as a sync client would, and print the
// time. The organization needs a customer "BENCH-1" (created here through the API too).
const [base, token, countArg] = process.argv.slice(2);
if (!base || !token) {
  console.error("Usage: npx tsx scripts/bench-api.ts <baseUrl> <token> [count]");
  process.exit(2);
}
const count = Number(countArg ?? 1000);
const concurrency = 8;
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const put = async (path: string, body: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, { method: "PUT", headers, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
await put("/customers/BENCH-1", { name: "Bench Customer AS", countryCode: "NO", currency: "NOK" });
const run = Date.now().toString(36);
const invoice = (i: number) =>
  put(`/invoices/B${run}-${i}?issueYear=2026`, {
    customerReference: "BENCH-1",
    issueDate: "2026-10-01",
    dueDate: "2026-10-31",
    currency: "NOK",
    amount: `${1000 + i}.50`,
  });
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) await invoice(next++);
  }),
);
const seconds = (performance.now() - started) / 1000;
console.log(`${count} invoice upserts (created) in ${seconds.toFixed(2)} s: ${(count / seconds).toFixed(0)}/s`);
const again = performance.now();
next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) await invoice(next++);
  }),
);
const unchanged = (performance.now() - again) / 1000;
console.log(`${count} invoice upserts again (unchanged) in ${unchanged.toFixed(2)} s`);

export {};
