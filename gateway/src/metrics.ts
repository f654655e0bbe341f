import { createHash } from "node:crypto";
import type { GraphQLDataSource } from "@apollo/gateway";
import type { ApolloServerPlugin, BaseContext, GraphQLResponse } from "@apollo/server";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { CircuitState } from "./circuit-breaker.js";

/** How a GraphQL request ended: answered without errors, answered with errors, or turned away before execution. */
export type RequestOutcome = "ok" | "errors" | "refused";

/** The gateway's Prometheus metrics; each gateway has its own registry, so tests and reloads never share counts. */
export interface GatewayMetrics {
  /** The Content-Type of exposition(). */
  readonly contentType: string;
  /** Every metric in the Prometheus text format. */
  exposition(): Promise<string>;
  /** The Apollo Server plugin that counts and times requests by operation name and outcome. */
  requestPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext>;
  /** Runs one subgraph fetch, timing it and counting each distinct error code it ends with. */
  timeFetch<T extends GraphQLResponseLike>(subgraph: string, fetch: () => Promise<T>): Promise<T>;
  /** Records a subgraph's circuit-breaker state. */
  setCircuitState(subgraph: string, state: CircuitState): void;
  /** Counts an operation refused by a limit (`depth`, `aliases`, `cost`, ...). */
  countRefusal(limit: string): void;
  /** Counts a query-plan cache lookup. */
  countPlanLookup(hit: boolean): void;
  /** Counts a query's response-cache lookup: a hit, a miss, or skipped (the cache's generation unknown). */
  countResponseCacheLookup(outcome: "hit" | "miss" | "skipped"): void;
  /** Counts an eviction of the response cache, by where the write was reported (this gateway's subgraph answer). */
  countResponseCacheEviction(): void;
  /** Records the supergraph being served, by the sha256 of its SDL. */
  setSupergraph(coreSupergraphSdl: string): void;
}

/** The part of a subgraph response the fetch metrics read. */
interface GraphQLResponseLike {
  data?: unknown;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

const CIRCUIT_VALUES: Record<CircuitState, number> = { closed: 0, "half-open": 1, open: 2 };

// Operation names come from clients: past this many distinct names, new ones share one label, so a client sending
// random names cannot grow the registry without bound.
const MAX_OPERATION_LABELS = 200;
const OTHER_OPERATIONS = "(other)";
const ANONYMOUS = "(anonymous)";
// A request that never got as far as a resolved operation (a syntax or validation error, an unparsable body).
const UNRESOLVED = "(none)";
// Error codes come from subgraph answers; anything unlike our codes is counted under one label.
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const LIMIT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

// From a millisecond local fetch to a request that hits SUBGRAPH_TIMEOUT_MS (default 10 s).
const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Creates the gateway's metrics in a registry of their own; Node's process metrics join them at the first scrape. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  let processMetrics = false;
  const registers = [registry];
  const requests = new Counter({
    name: "gateway_requests_total",
    help: "GraphQL requests by operation name and outcome (ok, errors, refused)",
    labelNames: ["operation", "outcome"] as const,
    registers,
  });
  const requestSeconds = new Histogram({
    name: "gateway_request_duration_seconds",
    help: "Time from the start of a GraphQL request to its response, by operation name and outcome",
    labelNames: ["operation", "outcome"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const fetchSeconds = new Histogram({
    name: "gateway_subgraph_fetch_duration_seconds",
    help: "Time of each subgraph fetch, from sending it to its parsed answer, by subgraph",
    labelNames: ["subgraph"] as const,
    buckets: SECONDS_BUCKETS,
    registers,
  });
  const fetchErrors = new Counter({
    name: "gateway_subgraph_fetch_errors_total",
    help: "Subgraph fetches that failed or answered errors, by subgraph and error code",
    labelNames: ["subgraph", "code"] as const,
    registers,
  });
  const circuit = new Gauge({
    name: "gateway_subgraph_circuit_state",
    help: "Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open",
    labelNames: ["subgraph"] as const,
    registers,
  });
  const refusals = new Counter({
    name: "gateway_operation_refusals_total",
    help: "Operations refused by an operation limit, by limit",
    labelNames: ["limit"] as const,
    registers,
  });
  const planHits = new Counter({
    name: "gateway_query_plan_cache_hits_total",
    help: "Operations whose query plan came from the plan cache",
    registers,
  });
  const planMisses = new Counter({
    name: "gateway_query_plan_cache_misses_total",
    help: "Operations the gateway had to plan",
    registers,
  });
  const responseCacheLookups = new Counter({
    name: "gateway_response_cache_lookups_total",
    help: "Queries looked up in the response cache, by outcome (hit, miss, skipped)",
    labelNames: ["outcome"] as const,
    registers,
  });
  const responseCacheEvictions = new Counter({
    name: "gateway_response_cache_evictions_total",
    help: "Evictions of the response cache after a write a subgraph reported",
    registers,
  });
  const supergraph = new Gauge({
    name: "gateway_supergraph_info",
    help: "The supergraph being served, by the sha256 of its SDL (always 1)",
    labelNames: ["hash"] as const,
    registers,
  });
  const operationLabels = new Set<string>();

  function operationLabel(name: string | null | undefined): string {
    if (!name) return ANONYMOUS;
    if (operationLabels.has(name)) return name;
    if (operationLabels.size >= MAX_OPERATION_LABELS) return OTHER_OPERATIONS;
    operationLabels.add(name);
    return name;
  }

  return {
    contentType: registry.contentType,
    exposition() {
      // Node's process metrics (memory, CPU, event-loop lag) start at the first scrape: gateways never scraped, as in
      // most tests, keep no monitors running.
      if (!processMetrics) collectDefaultMetrics({ register: registry });
      processMetrics = true;
      return registry.metrics();
    },
    requestPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
      return {
        async requestDidStart() {
          const stopTimer = requestSeconds.startTimer();
          let operation = UNRESOLVED;
          return {
            async didResolveOperation(requestContext) {
              operation = operationLabel(requestContext.operationName);
            },
            async willSendResponse({ response }) {
              const labels = { operation, outcome: outcomeOf(response) };
              requests.inc(labels);
              stopTimer(labels);
            },
          };
        },
        // A refused token or a malformed HTTP request never starts a GraphQL request: counted, with no duration.
        async contextCreationDidFail() {
          requests.inc({ operation: UNRESOLVED, outcome: "refused" });
        },
        async invalidRequestWasReceived() {
          requests.inc({ operation: UNRESOLVED, outcome: "refused" });
        },
      };
    },
    async timeFetch(subgraph, fetch) {
      const stopTimer = fetchSeconds.startTimer({ subgraph });
      try {
        const response = await fetch();
        const codes = new Set((response.errors ?? []).map((error) => codeLabel(error.extensions?.code)));
        for (const code of codes) fetchErrors.inc({ subgraph, code });
        return response;
      } catch (error) {
        fetchErrors.inc({ subgraph, code: codeLabel((error as { extensions?: { code?: unknown } }).extensions?.code) });
        throw error;
      } finally {
        stopTimer();
      }
    },
    setCircuitState(subgraph, state) {
      circuit.set({ subgraph }, CIRCUIT_VALUES[state]);
    },
    countRefusal(limit) {
      if (!LIMIT_NAME.test(limit))
        throw new Error(`countRefusal: limit must be a name such as "depth" (got "${limit}")`);
      refusals.inc({ limit });
    },
    countPlanLookup(hit) {
      (hit ? planHits : planMisses).inc();
    },
    countResponseCacheLookup(outcome) {
      responseCacheLookups.inc({ outcome });
    },
    countResponseCacheEviction() {
      responseCacheEvictions.inc();
    },
    setSupergraph(coreSupergraphSdl) {
      supergraph.reset();
      supergraph.set({ hash: createHash("sha256").update(coreSupergraphSdl).digest("hex") }, 1);
    },
  };
}

/** A data source that delegates every fetch to `source`, timed and counted as the subgraph's in `metrics`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the gateway's own bound on data source contexts
export function withFetchMetrics<TContext extends Record<string, any>>(
  source: GraphQLDataSource<TContext>,
  subgraph: string,
  metrics: GatewayMetrics,
): GraphQLDataSource<TContext> {
  return { process: (options) => metrics.timeFetch(subgraph, () => source.process(options)) };
}

/** ok: no errors; errors: executed, with errors; refused: errors and no data, so nothing was executed. */
export function outcomeOf(response: GraphQLResponse): RequestOutcome {
  const result = response.body.kind === "single" ? response.body.singleResult : response.body.initialResult;
  if (!result.errors?.length) return "ok";
  return result.data === undefined ? "refused" : "errors";
}

function codeLabel(code: unknown): string {
  return typeof code === "string" && ERROR_CODE.test(code) ? code : "OTHER";
}
