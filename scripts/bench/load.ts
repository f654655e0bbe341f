import autocannon from "autocannon";

/** One request of an operation: its headers and JSON body (varied per request by the operation). */
export interface PreparedRequest {
  headers: Record<string, string>;
  body: string;
}

/** What a load run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  requests: number;
  /** Non-2xx responses, transport errors, and 200s whose body carries GraphQL errors. */
  errors: number;
}

/** Runs autocannon against a GraphQL URL for `seconds` at `connections`, each request made by `next(i)`. */
export async function runLoad(
  url: string,
  next: (i: number) => PreparedRequest,
  seconds: number,
  connections: number,
): Promise<LoadResult> {
  let counter = 0;
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const prepared = next(counter++);
          return {
            ...request,
            headers: { ...request.headers, "content-type": "application/json", ...prepared.headers },
            body: prepared.body,
          };
        },
        onResponse: (status, body) => {
          if (status === 200 && body.includes('"errors"')) graphqlErrors += 1;
        },
      },
    ],
  });
  return {
    requestsPerSecond: round(result.requests.average),
    latencyMs: {
      p50: round(result.latency.p50),
      p90: round(result.latency.p90),
      p99: round(result.latency.p99),
      max: round(result.latency.max),
    },
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
  };
}

/** Percentile of sorted values (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Two decimals, for tables. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
