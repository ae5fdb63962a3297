// `npx tsx scripts/bench-api.ts <baseUrl> <token> [count] [--batch <size>]`: upsert <count>
// invoices (default 1,000) through the public API, as a sync client would, twice (all new,
// then all unchanged), and print the times. Without --batch: one PUT /invoices/{number} each,
// 8 in flight. With --batch: POST /invoices/batch with <size> invoices per request, one at a
// time. The organization needs a customer "BENCH-1" (created here through the API too).
const args = process.argv.slice(2);
const batchAt = args.indexOf("--batch");
const batchSize = batchAt >= 0 ? Number(args.splice(batchAt, 2)[1]) : 0;
const [base, token, countArg] = args;
if (!base || !token || (batchAt >= 0 && !(batchSize > 0))) {
  console.error("Usage: npx tsx scripts/bench-api.ts <baseUrl> <token> [count] [--batch <size>]");
  process.exit(2);
}
const count = Number(countArg ?? 1000);
const concurrency = 8;
const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
const send = async (method: string, path: string, body: unknown) => {
  const response = await fetch(`${base}/api/v1${path}`, { method, headers, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
await send("PUT", "/customers/BENCH-1", { name: "Bench Customer AS", countryCode: "NO", currency: "NOK" });
const run = Date.now().toString(36);
const invoice = (i: number) => ({
  customerReference: "BENCH-1",
  issueDate: "2026-10-01",
  dueDate: "2026-10-31",
  currency: "NOK",
  amount: `${1000 + i}.50`,
});

async function oneByOne(): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const answer = await send("PUT", `/invoices/B${run}-${i}?issueYear=2026`, invoice(i));
        outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
      }
    }),
  );
  return outcomes;
}

async function inBatches(): Promise<Record<string, number>> {
  const outcomes: Record<string, number> = {};
  for (let start = 0; start < count; start += batchSize) {
    const numbers = Array.from({ length: Math.min(batchSize, count - start) }, (_, k) => start + k);
    const answer = await send("POST", "/invoices/batch", {
      invoices: numbers.map((i) => ({ number: `B${run}-${i}`, issueYear: 2026, ...invoice(i) })),
    });
    for (const [outcome, n] of Object.entries(answer.counts as Record<string, number>))
      outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
  }
  return outcomes;
}

const how = batchSize ? `in batches of ${batchSize}` : `one PUT each, ${concurrency} in flight`;
for (const pass of ["first (new)", "again (unchanged)"]) {
  const started = performance.now();
  const outcomes = await (batchSize ? inBatches() : oneByOne());
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${count} invoice upserts ${how}, ${pass}: ${seconds.toFixed(2)} s (${(count / seconds).toFixed(0)}/s) ${JSON.stringify(outcomes)}`,
  );
}

export {};
