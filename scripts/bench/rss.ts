import { readFileSync } from "node:fs";

/** Samples processes' resident memory every 100 ms; stop() gives each one's peak in MiB. */
export function sampleRss(pids: Record<string, number>): { stop(): Record<string, number> } {
  const peaks: Record<string, number> = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        if (match) peaks[name] = Math.max(peaks[name] ?? 0, Number(match[1]) / 1024);
      } catch {
        // the process is gone or /proc is not there: no sample
      }
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
