import { renderLetterPdf, renderLettersPdf } from "@/lib/documents/render-letter-pdf";
import type { Stage } from "@/lib/stages/stage";
import { sampleStoredLetter } from "@/tooling/demo/sample-letter";

// Plain functions the benchmark (npm run bench) calls: no database, no server.

/** Median and p95 milliseconds to render one stored letter as a PDF. */
export async function benchLetterPdf(
  opts: { runs?: number } = {},
): Promise<{ medianMs: number; p95Ms: number; runs: number }> {
  const runs = opts.runs ?? 50;
  const letters = (["en", "it", "nb"] as const).flatMap((l) =>
    ([1, 2, 3, 4] as Stage[]).map((s) => sampleStoredLetter(l, s)),
  );
  for (const l of letters) await renderLetterPdf(l); // warm up: fonts parsed, code compiled
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderLetterPdf(letters[i % letters.length]);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(runs / 2)], p95Ms: times[Math.floor(runs * 0.95)], runs };
}

/** Seconds to render "print today's letters" for `count` letters into one PDF, and its size. */
export async function benchPrintBatch(
  opts: { count?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ letters: number; seconds: number; pages: number; bytes: number }> {
  const count = opts.count ?? 1000;
  const letters = Array.from({ length: count }, (_, i) =>
    sampleStoredLetter((["en", "it", "nb"] as const)[i % 3], ((i % 4) + 1) as Stage, `bench-${i}`),
  );
  const start = performance.now();
  const pdf = await renderLettersPdf(letters, () => null, {
    title: "Bench",
    date: new Date(0),
    duplex: true,
    onProgress: opts.onProgress,
  });
  const seconds = (performance.now() - start) / 1000;
  const pages = (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
  return { letters: count, seconds, pages, bytes: pdf.length };
}
