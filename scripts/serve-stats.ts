import { writeFileSync } from "node:fs";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";

// SERVE_STATS_DIR (the load test sets it): each serving process writes its garbage
// collection time and memory there once a second (<pid>.json), so the load test
// can print the GC share of the server's CPU and what its memory is made of
// (V8 heap, buffers, the rest) without a profiler slowing the run.

export interface ServeStats {
  pid: number;
  /** Milliseconds spent in garbage collection since the process started (all kinds, main thread pauses). */
  gc_ms: number;
  gc_count: number;
  rss_mib: number;
  heap_used_mib: number;
  heap_total_mib: number;
  external_mib: number;
  array_buffers_mib: number;
  peak_rss_mib: number;
  peak_heap_used_mib: number;
}

export function writeServeStats(dir: string | undefined): void {
  if (!dir) return;
  const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
  const stats: ServeStats = {
    pid: process.pid,
    gc_ms: 0,
    gc_count: 0,
    rss_mib: 0,
    heap_used_mib: 0,
    heap_total_mib: 0,
    external_mib: 0,
    array_buffers_mib: 0,
    peak_rss_mib: 0,
    peak_heap_used_mib: 0,
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      stats.gc_ms += entry.duration;
      stats.gc_count += 1;
    }
  }).observe({ entryTypes: ["gc"] });
  const file = path.join(dir, `${process.pid}.json`);
  const write = () => {
    const m = process.memoryUsage();
    Object.assign(stats, {
      rss_mib: mib(m.rss),
      heap_used_mib: mib(m.heapUsed),
      heap_total_mib: mib(m.heapTotal),
      external_mib: mib(m.external),
      array_buffers_mib: mib(m.arrayBuffers),
      peak_rss_mib: Math.max(stats.peak_rss_mib, mib(m.rss)),
      peak_heap_used_mib: Math.max(stats.peak_heap_used_mib, mib(m.heapUsed)),
    });
    writeFileSync(file, JSON.stringify({ ...stats, gc_ms: Math.round(stats.gc_ms) }));
  };
  setInterval(write, 1000).unref();
  write();
}
