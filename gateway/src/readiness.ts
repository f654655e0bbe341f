import { resolveSubgraphUrl } from "./config.js";

/** A subgraph the gateway routes to: its name in the supergraph and the GraphQL URL it is called on. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** One subgraph's answer to GET /ready. */
export interface SubgraphReadiness {
  ready: boolean;
  status?: number;
  error?: string;
}

/** The body of the gateway's /ready route. */
export interface ReadinessReport {
  ready: boolean;
  subgraphs: Record<string, SubgraphReadiness>;
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

/** Asks every subgraph's /ready at once; the gateway is ready only when all of them are. */
export async function checkReadiness(subgraphs: SubgraphEndpoint[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    subgraphs.map(async ({ name, url }) => [name, await checkOne(url, timeoutMs)] as const),
  );
  return {
    ready: results.length > 0 && results.every(([, result]) => result.ready),
    subgraphs: Object.fromEntries(results),
  };
}

async function checkOne(graphqlUrl: string, timeoutMs: number): Promise<SubgraphReadiness> {
  try {
    const response = await fetch(readyUrl(graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
    // Reading the body returns the socket to the keep-alive pool instead of leaving it half-used.
    await response.arrayBuffer();
    return response.ok ? { ready: true, status: response.status } : { ready: false, status: response.status };
  } catch (error) {
    return { ready: false, error: describeFetchError(error, timeoutMs) };
  }
}

// undici reports every network failure as "fetch failed" and keeps the useful part (ECONNREFUSED, ...) in cause.
function describeFetchError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError") return `no answer within ${timeoutMs} ms`;
  return err.cause?.code ?? err.cause?.message ?? err.message;
}
