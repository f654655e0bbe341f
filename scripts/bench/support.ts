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

interface Row {
  operation: string;
  ours: {
    requestsPerSecond: number;
    latencyMs: { p50: number; p90: number; p99: number; max: number };
    errors: number;
  };
  hive: { requestsPerSecond: number; latencyMs: { p50: number; p99: number }; errors: number } | null;
  floor: { requestsPerSecond: number; latencyMs: { p50: number; p99: number } };
  oursOverHive: number | null;
  oursOverFloor: number;
  fetchesInPlan: number;
  sqlPerRequest: Record<string, number>;
  peakRssMiB: Record<string, number | null>;
}

/** The results as a Markdown table: one row per operation, the three columns side by side. */
export function markdownTable(rows: Row[]): string {
  const header =
    "| operation | ours req/s | ours p50 / p90 / p99 / max ms | errors | Hive req/s | Hive p50 / p99 ms | floor req/s | floor p50 / p99 ms | ours/Hive (time) | ours/floor (time) | fetches | SQL per request | peak RSS MiB (gateway, Hive) |";
  const rule = `|${"---|".repeat(13)}`;
  const lines = rows.map((row) => {
    const sql = Object.entries(row.sqlPerRequest)
      .filter(([, count]) => count > 0)
      .map(([name, count]) => `${name} ${count}`)
      .join(", ");
    const ours = row.ours.latencyMs;
    return [
      row.operation,
      row.ours.requestsPerSecond,
      `${ours.p50} / ${ours.p90} / ${ours.p99} / ${ours.max}`,
      row.ours.errors + (row.hive ? ` / ${row.hive.errors}` : ""),
      row.hive?.requestsPerSecond ?? "-",
      row.hive ? `${row.hive.latencyMs.p50} / ${row.hive.latencyMs.p99}` : "-",
      row.floor.requestsPerSecond,
      `${row.floor.latencyMs.p50} / ${row.floor.latencyMs.p99}`,
      row.oursOverHive ?? "-",
      row.oursOverFloor,
      row.fetchesInPlan,
      sql || "-",
      `${row.peakRssMiB.gateway ?? "-"}, ${row.peakRssMiB.hive ?? "-"}`,
    ].join(" | ");
  });
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join("\n");
}
