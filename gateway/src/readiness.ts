import type { CircuitSnapshot } from "./circuit-breaker.js";
import { resolveSubgraphUrl } from "./config.js";

/** A subgraph the gateway routes to: its name in the supergraph and the GraphQL URL it is called on. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** One subgraph as GET /health/subgraphs shows it: whether it answers its /ready now, and its circuit. */
export interface SubgraphHealth {
  reachable: boolean;
  status?: number;
  error?: string;
  /** How long its /ready took to answer, or to fail. */
  latencyMs: number;
  circuit: CircuitSnapshot;
}

/** The body of GET /health/subgraphs. */
export interface SubgraphHealthReport {
  /** True when every subgraph answers and no circuit is open. */
  healthy: boolean;
  subgraphs: Record<string, SubgraphHealth>;
}

/** What the health report needs of a subgraph: its URL and its circuit. */
export interface MonitoredSubgraph extends SubgraphEndpoint {
  circuit(): CircuitSnapshot;
}

const JOIN_GRAPH = /@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g;

/** The subgraphs a supergraph routes to, read from its `@join__graph` lines, with URL overrides applied. */
export function subgraphsFromSupergraph(
  supergraphSdl: string,
  overrides: Record<string, string> = {},
): SubgraphEndpoint[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map(([, name, url]) => ({
    name: name!,
    url: resolveSubgraphUrl(name!, url!, overrides),
  }));
}

/** The URL of a subgraph's readiness route: the same origin as its GraphQL URL, path `/ready`. */
export function readyUrl(graphqlUrl: string): string {
  return new URL("/ready", graphqlUrl).toString();
}

/** Asks every subgraph's /ready at once, and adds each one's circuit state. */
export async function checkSubgraphs(subgraphs: MonitoredSubgraph[], timeoutMs: number): Promise<SubgraphHealthReport> {
  const results = await Promise.all(
    subgraphs.map(async (subgraph) => {
      const started = performance.now();
      const answer = await checkOne(subgraph.url, timeoutMs);
      const latencyMs = Math.round(performance.now() - started);
      return [subgraph.name, { ...answer, latencyMs, circuit: subgraph.circuit() }] as const;
    }),
  );
  return {
    healthy: results.every(([, health]) => health.reachable && health.circuit.state === "closed"),
    subgraphs: Object.fromEntries(results),
  };
}

async function checkOne(
  graphqlUrl: string,
  timeoutMs: number,
): Promise<{ reachable: boolean; status?: number; error?: string }> {
  try {
    const response = await fetch(readyUrl(graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    // Reading the body returns the socket to the keep-alive pool instead of leaving it half-used.
    await response.arrayBuffer();
    return { reachable: response.ok, status: response.status };
  } catch (error) {
    return { reachable: false, error: describeFetchError(error, timeoutMs) };
  }
}
// undici reports every network failure as "fetch failed" and keeps the useful part (ECONNREFUSED, ...) in cause.
function describeFetchError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
