import { readdirSync, readFileSync } from "node:fs";

/** A process and its descendants (a gateway that forks workers is measured whole); only the pid without /proc. */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8").trim();
        if (children) tree.push(...children.split(" ").map(Number));
      }
    } catch {
      // gone, or no /proc
    }
  }
  return tree;
}

/** Samples processes' resident memory (with their descendants') every 100 ms; stop() gives each one's peak in MiB. */
export function sampleRss(pids: Record<string, number>): { stop(): Record<string, number> } {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      let kib = 0;
      for (const member of processTree(pid)) {
        try {
          kib += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
        } catch {
          // the process is gone or /proc is not there: no sample
        }
      }
      if (kib > 0) peaks[name] = Math.max(peaks[name] ?? 0, kib / 1024);
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Object.fromEntries(Object.entries(peaks).map(([name, mib]) => [name, Math.round(mib)]));
    },
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The CPU time (user and system) a process and its descendants have used, in milliseconds; null without /proc. */
function cpuMs(pid: number): number | null {
  let ticks: number | null = null;
  for (const member of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${member}/stat`, "utf8");
      // After the command name (which may hold spaces) come the fields from state (3); utime, stime are 14 and 15.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks = (ticks ?? 0) + Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone, or no /proc
    }
  }
  return ticks === null ? null : (ticks * 1000) / TICKS_PER_SECOND;
}

/**
 * Counts the CPU time processes use from now; stop(requests) gives each one's milliseconds per request. Unlike
 * throughput, CPU per request barely moves with what else the machine is doing, so runs on a busy or shared
 * machine can still be compared.
 */
export function measureCpu(pids: Record<string, number>): { stop(requests: number): Record<string, number | null> } {
  const start = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  return {
    stop(requests) {
      return Object.fromEntries(
        Object.entries(pids).map(([name, pid]) => {
          const end = cpuMs(pid);
          const used = end === null || start[name] === null ? null : end - start[name]!;
          return [name, used === null || requests === 0 ? null : Math.round((used / requests) * 100) / 100];
        }),
      );
    },
  };
}
