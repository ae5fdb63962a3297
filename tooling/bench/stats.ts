/** Milliseconds of each timed run of one measurement. */
export interface Samples {
  ms: number[];
}

export interface Summary {
  runs: number;
  median_ms: number;
  p95_ms: number;
  min_ms: number;
  max_ms: number;
}

/** Nearest-rank percentile of a sorted array (p in 0..100). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(ms: number[]): Summary {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  const median =
    sorted.length % 2
      ? sorted[(sorted.length - 1) / 2]
      : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return {
    runs: sorted.length,
    median_ms: round(median),
    p95_ms: round(percentile(sorted, 95)),
    min_ms: round(sorted[0]),
    max_ms: round(sorted[sorted.length - 1]),
  };
}

/** Runs `fn` `warmup` times untimed, then `runs` times timed, one after another; `prepare` (untimed) runs before each and hands `fn` its result. */
export async function time<T = undefined>(
  fn: (run: number, prepared: T) => Promise<unknown>,
  opts: { warmup: number; runs: number; prepare?: () => Promise<T> },
): Promise<number[]> {
  const prepare = opts.prepare ?? (async () => undefined as T);
  for (let i = 0; i < opts.warmup; i++) await fn(-1 - i, await prepare());
  const ms: number[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const prepared = await prepare();
    const started = performance.now();
    await fn(i, prepared);
    ms.push(performance.now() - started);
  }
  return ms;
}
