import { readdirSync, readFileSync } from "node:fs";

// CPU time a process tree has used (Linux /proc), for "server CPU per request":
// unlike wall time, it does not grow when other work shares the machine.

const TICK_MS = 10; // USER_HZ is 100 on Linux

function childrenOf(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  return children;
}

/** User + system CPU milliseconds of `pid` and its descendants so far. */
export function processTreeCpuMs(pid: number): number {
  const children = childrenOf();
  let ticks = 0;
  for (const stack = [pid]; stack.length; ) {
    const p = stack.pop()!;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      // Fields after the command name: state is field 3, utime 14, stime 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
    stack.push(...(children.get(p) ?? []));
  }
  return ticks * TICK_MS;
}

/** The PostgreSQL server process (postmaster) behind a connection: its backends are its children. */
export function postmasterOf(backendPid: number): number {
  const stat = readFileSync(`/proc/${backendPid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** User + system CPU milliseconds of this Node process so far. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
