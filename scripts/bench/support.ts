import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

/** A free port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers 2xx. */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The committed supergraph with each subgraph's routing URL replaced by where it runs now. */
export function rewriteRoutingUrls(root: string, origins: Record<string, string>): string {
  const sdl = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    origins[name] ? `@join__graph(name: "${name}", url: "${origins[name]}/graphql")` : whole,
  );
}

interface Measured {
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number };
  errors: number;
}

interface Row {
  operation: string;
  users: number;
  ours: Measured;
  hive: Measured | null;
  floor: Measured;
  monolith: Measured | null;
  cached: Measured | null;
  cachedOverOurs: number | null;
  signedIn: { ours: Measured | null; cached: Measured | null; cachedOverOurs: number | null } | null;
  oursOverHive: number | null;
  oursOverFloor: number;
  oursOverMonolith: number | null;
  fetchesInPlan: number;
  sqlPerRequest: Record<string, number>;
  peakRssMiB: Record<string, number | null>;
}

/** Our gateway's peak RSS: the one gateway's, or with replicas each one's and HAProxy's ("95+97 +haproxy 9"). */
export function gatewayRss(peaks: Record<string, number | null>): number | string | null {
  if (peaks.gateway !== undefined) return peaks.gateway;
  const replicas = Object.keys(peaks)
    .filter((name) => /^gateway-\d+$/.test(name))
    .sort((a, b) => Number(a.slice(8)) - Number(b.slice(8)));
  if (replicas.length === 0) return null;
  const balancer = peaks.haproxy == null ? "" : ` +haproxy ${peaks.haproxy}`;
  return `${replicas.map((name) => peaks[name] ?? "-").join("+")}${balancer}`;
}

/** The results as a Markdown table: one row per operation, the four columns side by side (medians of rounds). */
export function markdownTable(rows: Row[]): string {
  const header =
    "| operation | users | ours req/s | ours p50 / p99 ms | Hive req/s | Hive p99 ms | floor req/s | floor p99 ms | monolith req/s | monolith p99 ms | errors (ours / Hive / floor / monolith) | ours/Hive (time) | ours/floor (time) | ours/monolith (time) | fetches | SQL per request | peak RSS MiB (gateway, Hive, monolith) | cached req/s (× ours) | signed in: ours / cached req/s (×) |";
  const rule = `|${"---|".repeat(19)}`;
  const dash = (value: number | string | null | undefined) => (value === null || value === undefined ? "-" : value);
  const lines = rows.map((row) => {
    const sql = Object.entries(row.sqlPerRequest)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ");
    return [
      row.operation,
      row.users || "anonymous",
      row.ours.requestsPerSecond,
      `${row.ours.latencyMs.p50} / ${row.ours.latencyMs.p99}`,
      dash(row.hive?.requestsPerSecond),
      dash(row.hive?.latencyMs.p99),
      row.floor.requestsPerSecond,
      row.floor.latencyMs.p99,
      dash(row.monolith?.requestsPerSecond),
      dash(row.monolith?.latencyMs.p99),
      [row.ours, row.hive, row.floor, row.monolith].map((result) => dash(result?.errors)).join(" / "),
      dash(row.oursOverHive),
      row.oursOverFloor,
      dash(row.oursOverMonolith),
      row.fetchesInPlan,
      sql || "-",
      [gatewayRss(row.peakRssMiB), row.peakRssMiB.hive, row.peakRssMiB.monolith].map(dash).join(", "),
      row.cached ? `${row.cached.requestsPerSecond} (${dash(row.cachedOverOurs)}×)` : "-",
      row.signedIn
        ? `${dash(row.signedIn.ours?.requestsPerSecond)} / ${dash(row.signedIn.cached?.requestsPerSecond)} (${dash(row.signedIn.cachedOverOurs)}×)`
        : "-",
    ].join(" | ");
  });
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join("\n");
}
