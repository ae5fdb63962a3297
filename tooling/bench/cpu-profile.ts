import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Reads the V8 CPU profiles a server wrote (node --cpu-prof) and says where the
// time went: self time per function and per package, the flame graph's widest
// leaves. The .cpuprofile files themselves open in Chrome DevTools or speedscope.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, our own code, Node itself, or V8's bookkeeping. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) {
    // Next.js bundles its own copies of react-dom and friends under next/dist/compiled.
    const compiled = /next\/dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    return compiled ? `next/compiled/${compiled[1]}` : pkg[1];
  }
  if (url.startsWith("node:")) return "node";
  if (url.includes("/.next/server/")) return "app (.next/server)";
  return "other";
}

export function summarizeCpuProfiles(dir: string, top = 15): string {
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const byFunction = new Map<string, number>();
  const byOwner = new Map<string, number>();
  let totalMs = 0;
  let biggest = { file: "", ms: 0 };
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    let fileMs = 0;
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const node = nodes.get(id);
      if (!node) return;
      const { functionName, url, lineNumber } = node.callFrame;
      if (functionName === "(idle)") return;
      fileMs += ms;
      const where = url
        ? `${url.replace(/^.*node_modules\//, "").replace(/^.*\/\.next\//, ".next/")}:${lineNumber + 1}`
        : "";
      const key = `${functionName || "(anonymous)"} ${where}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + ms);
      const owner = ownerOf(url, functionName);
      byOwner.set(owner, (byOwner.get(owner) ?? 0) + ms);
    });
    totalMs += fileMs;
    if (fileMs > biggest.ms) biggest = { file, ms: fileMs };
  }
  const lines = [
    `CPU profile: ${files.length} process(es), ${(totalMs / 1000).toFixed(1)} s on CPU (busiest: ${biggest.file})`,
  ];
  const table = (title: string, entries: Map<string, number>) => {
    lines.push(`  ${title}`);
    for (const [name, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
      lines.push(
        `    ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${(ms / 1000).toFixed(2).padStart(7)} s  ${name}`,
      );
  };
  table("self time by package", byOwner);
  table("self time by function", byFunction);
  return lines.join("\n");
}
