import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import {
  parseChangeTags,
  PUBLIC_DATA_CHANGES_HEADER,
  type Logger,
  type RequestErrorCode,
} from "@portal-graph/http-kit";
import { Kind, parse, type DocumentNode, type SelectionSetNode } from "graphql";
import { reportPlaceholders, type ReportFields } from "./report-fields.js";
import { CircuitBreaker, type CircuitSnapshot, type CircuitState } from "./circuit-breaker.js";
import type { GatewayProof } from "./gateway-proof.js";
import { headerOf, type SubgraphTransport } from "./subgraph-transport.js";

type GatewayResponse = Awaited<ReturnType<GraphQLDataSource["process"]>>;

/** What every subgraph fetch carries from the client's request. */
export interface FetchContext {
  requestId?: string;
  authorization?: string;
  /** Aborts when the client has gone: its fetches are given up instead of computed for nobody. */
  signal?: AbortSignal;
}

/** Why a fetch failed, as the client sees it in `extensions.reason`. */
export type UnavailableReason = "TIMEOUT" | "CONNECTION" | "BAD_RESPONSE" | "CIRCUIT_OPEN" | "CLIENT_GONE";

/** One finished fetch, for metrics: how long it took and how it ended (null code: answered). */
export interface FetchObservation {
  subgraph: string;
  ms: number;
  code: UnavailableReason | null;
}

export interface SubgraphDataSourceOptions {
  /** The served supergraph's report fields, handed to consumers as null when this subgraph does not answer. */
  reportFields?: () => ReportFields;
  name: string;
  url: string;
  timeoutMs: number;
  logger: Logger;
  /** Sends each GraphQL call (subgraph-transport.ts); the circuit's health probes use `fetch`. */
  transport: SubgraphTransport;
  breaker: { failureThreshold: number; resetMs: number };
  /** Retry a query once, after a short random pause, when the connection failed (never a mutation or a timeout). */
  retry: boolean;
  observe?: (observation: FetchObservation) => void;
  /** Told of every change of the subgraph's circuit (for metrics). */
  onCircuitChange?: (state: CircuitState) => void;
  /** Proves each fetch comes from the gateway (a fresh assertion per attempt); none when absent. */
  proof?: GatewayProof;
  /**
   * Told, before the answer goes on, of the public data a write changed (the subgraph's `x-public-data-changes`
   * header): the response cache evicts, so the writer's next read, and anyone's, sees the change.
   */
  onChanges?: (tags: string[]) => Promise<void>;
}

// Connection failures a second attempt can cure: a refused connect during a restart, a keep-alive socket the
// subgraph closed just as it was reused. A timeout is not among them: the subgraph may still be working.
const RETRYABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);
// Answers a proxy or a starting process gives when the subgraph is not there to answer.
const UNAVAILABLE_STATUS = new Set([502, 503, 504]);

class FetchFailure extends Error {
  constructor(
    readonly reason: UnavailableReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Calls one subgraph for the gateway: proves the call is the gateway's (a signed assertion per attempt), forwards
 * the request id, the caller's token and the time left, gives up at
 * the subgraph's timeout or when the client goes, retries a query once on a failed connection, and stops calling
 * altogether while the subgraph's circuit is open. A failed fetch is not thrown: it becomes an answer whose errors
 * (`SUBGRAPH_UNAVAILABLE`, with the subgraph's name and the path) sit where the data would have been, so the
 * gateway keeps every other subgraph's data. A subgraph's own GraphQL errors pass through unchanged, whatever the
 * HTTP status that carried them (a 502/503/504 only when every error carries a code).
 */
export class SubgraphDataSource implements GraphQLDataSource<FetchContext> {
  readonly breaker: CircuitBreaker;

  constructor(private readonly options: SubgraphDataSourceOptions) {
    this.breaker = new CircuitBreaker({
      ...options.breaker,
      probe: () => this.probe(),
      onChange: (state, reason) => {
        options.logger.warn({ subgraph: options.name, state, reason }, "subgraph circuit");
        options.onCircuitChange?.(state);
      },
    });
  }

  get name(): string {
    return this.options.name;
  }

  get url(): string {
    return this.options.url;
  }

  circuit(): CircuitSnapshot {
    return this.breaker.snapshot();
  }

  async process(options: GraphQLDataSourceProcessOptions<FetchContext>): Promise<GatewayResponse> {
    // Only a client's operation has a request context; schema loads and health checks (unused here) have none.
    const incoming = "incomingRequestContext" in options ? options : null;
    const context: FetchContext = incoming ? incoming.context : {};
    const started = performance.now();
    const finish = (code: UnavailableReason | null) =>
      this.options.observe?.({ subgraph: this.options.name, ms: performance.now() - started, code });
    try {
      if (!this.breaker.allows()) throw new FetchFailure("CIRCUIT_OPEN", "circuit open");
      const { body, answer } = await this.send(options.request, context);
      this.breaker.succeeded();
      const changes = parseChangeTags(headerOf(answer, PUBLIC_DATA_CHANGES_HEADER));
      if (changes.length > 0) await this.options.onChanges?.(changes);
      if (incoming)
        restrictCachePolicy(incoming.incomingRequestContext.overallCachePolicy, headerOf(answer, "cache-control"));
      finish(null);
      return body;
    } catch (error) {
      const failure = asFailure(error, context.signal, this.options.timeoutMs);
      if (failure.reason !== "CIRCUIT_OPEN" && failure.reason !== "CLIENT_GONE") this.breaker.failed(failure.detail);
      finish(failure.reason);
      this.options.logger.warn(
        { subgraph: this.options.name, requestId: context.requestId, reason: failure.reason, detail: failure.detail },
        "subgraph unavailable",
      );
      if (!incoming) throw failure;
      return unavailableAnswer(this.options.name, incoming.request.query, failure.reason, {
        representations: incoming.request.variables?.representations,
        fields: this.options.reportFields?.(),
      });
    }
  }

  private async send(request: GraphQLDataSourceProcessOptions["request"], context: FetchContext) {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
      // The subgraph's own deadline: it stops work the gateway will no longer wait for.
      "x-request-timeout-ms": String(this.options.timeoutMs),
    };
    if (context.requestId) headers["x-request-id"] = context.requestId;
    if (context.authorization) headers.authorization = context.authorization;
    const body = JSON.stringify({
      query: request.query,
      variables: request.variables,
      operationName: request.operationName,
      extensions: request.extensions,
    });
    const retry = this.options.retry && !isMutation(request.query);
    for (let attempt = 1; ; attempt++) {
      try {
        // Signed per attempt: a retry is a new request, and a subgraph accepts each assertion once.
        const proof = await this.options.proof?.headers({
          subgraph: this.options.name,
          method: "POST",
          url: this.options.url,
          body,
          requestId: context.requestId,
        });
        return await this.once(body, { ...headers, ...proof }, context.signal);
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (!retry || attempt > 1 || !code || !RETRYABLE.has(code) || context.signal?.aborted) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 75));
      }
    }
  }

  private async once(body: string, headers: Record<string, string>, signal?: AbortSignal) {
    const { timeoutMs } = this.options;
    const response = await this.options.transport(this.options.url, { headers, body, timeoutMs, signal });
    const parsed = parseGraphQLResponse(response.text);
    // A 502/503/504 is the subgraph's own answer only when it says why in a coded GraphQL error (its identity
    // provider is down, say): that passes through, and the subgraph counts as up. Anything else is a proxy or a
    // process that is not there to answer.
    if (UNAVAILABLE_STATUS.has(response.status) && !hasCodedErrors(parsed)) {
      throw new FetchFailure("BAD_RESPONSE", `HTTP ${response.status}`);
    }
    if (!parsed) throw new FetchFailure("BAD_RESPONSE", `HTTP ${response.status} without a GraphQL response`);
    return { body: parsed, answer: response };
  }

  // GET /health on the subgraph's origin: cheap, needs no credentials, and a stopped (SIGSTOP) process cannot answer it.
  private async probe(): Promise<boolean> {
    try {
      const response = await fetch(new URL("/health", this.options.url), {
        signal: AbortSignal.timeout(Math.min(this.options.timeoutMs, 1000)),
      });
      await response.arrayBuffer();
      return response.ok;
    } catch {
      return false;
    }
  }
}

function isMutation(query: string | undefined): boolean {
  return /^\s*mutation\b/.test(query ?? "");
}

function parseGraphQLResponse(text: string): GatewayResponse | null {
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
    return "data" in body || "errors" in body ? (body as GatewayResponse) : null;
  } catch {
    return null;
  }
}

function hasCodedErrors(body: GatewayResponse | null): boolean {
  return !!body?.errors?.length && body.errors.every((error) => typeof error.extensions?.code === "string");
}

function asFailure(error: unknown, clientSignal: AbortSignal | undefined, timeoutMs: number): FetchFailure {
  if (error instanceof FetchFailure) return error;
  if (clientSignal?.aborted) return new FetchFailure("CLIENT_GONE", "the client went away");
  const err = error as Error & { cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError") return new FetchFailure("TIMEOUT", `no answer within ${timeoutMs} ms`);
  // A network failure comes as "fetch failed" with the useful part (ECONNREFUSED, ...) in cause (subgraph-transport.ts).
  return new FetchFailure("CONNECTION", err.cause?.code ?? err.cause?.message ?? err.message);
}

/**
 * The answer of a failed fetch: no data (but null for each report field it asked, see report-fields.ts), and an
 * error on each field the fetch would have filled, so the gateway places it where the null appears. An `_entities` fetch gets one error, on its first entity's first field (the
 * gateway turns `_entities.0` into that entity's path in the client's response); a root fetch one per root field.
 */
export function unavailableAnswer(
  subgraph: string,
  query: string | undefined,
  reason: UnavailableReason,
  reports: { representations?: unknown; fields?: ReportFields } = {},
): GatewayResponse {
  const message =
    reason === "CIRCUIT_OPEN"
      ? `Subgraph "${subgraph}" is unavailable (failing repeatedly; calls are paused while it recovers)`
      : `Subgraph "${subgraph}" is unavailable; try again shortly`;
  const document = parseQuietly(query);
  return {
    data: reports.fields ? (reportPlaceholders(document, reports.representations, reports.fields) ?? null) : null,
    errors: errorPaths(document, reports.fields).map((path) => ({
      message,
      path,
      extensions: { code: "SUBGRAPH_UNAVAILABLE" satisfies RequestErrorCode, subgraph, reason },
    })),
  };
}

// The fetch's own text, as the query planner wrote it; parsed only when a fetch failed.
function parseQuietly(query: string | undefined): DocumentNode | undefined {
  try {
    return query ? parse(query) : undefined;
  } catch {
    return undefined;
  }
}

function errorPaths(document: DocumentNode | undefined, reportFields?: ReportFields): (string | number)[][] {
  const operation = document?.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [[]];
  const roots = responseKeys(operation.selectionSet);
  const entities = operation.selectionSet.selections.find(
    (selection) => selection.kind === Kind.FIELD && selection.name.value === "_entities",
  );
  if (entities?.kind === Kind.FIELD && entities.selectionSet) {
    const first = entities.selectionSet.selections.find((selection) => selection.kind === Kind.INLINE_FRAGMENT);
    // A report field is no client's: the error then sits on the entity, beside the field that reads the report.
    const reports =
      first?.kind === Kind.INLINE_FRAGMENT ? reportFields?.get(first.typeCondition?.name.value ?? "") : null;
    const field =
      first?.kind === Kind.INLINE_FRAGMENT
        ? responseKeys(first.selectionSet, (name) => !reports?.has(name))[0]
        : undefined;
    return [field ? ["_entities", 0, field] : ["_entities", 0]];
  }
  return roots.length > 0 ? roots.map((key) => [key]) : [[]];
}

function responseKeys(selectionSet: SelectionSetNode, keep: (name: string) => boolean = () => true): string[] {
  return selectionSet.selections.flatMap((selection) =>
    selection.kind === Kind.FIELD && selection.name.value !== "__typename" && keep(selection.name.value)
      ? [selection.alias?.value ?? selection.name.value]
      : [],
  );
}

type CachePolicy = GraphQLDataSourceProcessOptions extends infer O
  ? O extends { incomingRequestContext: { overallCachePolicy: infer P } }
    ? P
    : never
  : never;

/** Lets a subgraph's Cache-Control narrow the whole response's cache policy, as the gateway's own data source does. */
function restrictCachePolicy(policy: CachePolicy | undefined, cacheControl: string | undefined): void {
  if (!policy || !("restrict" in policy)) return;
  const directives = new Map(
    (cacheControl ?? "").split(",").map((part) => {
      const [key, value] = part.trim().toLowerCase().split("=");
      return [key!, value ?? true] as const;
    }),
  );
  const maxAge = directives.get("max-age");
  policy.restrict({
    maxAge: typeof maxAge === "string" && /^\d+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.has("private") ? { scope: "PRIVATE" as const } : {}),
    ...(directives.has("public") ? { scope: "PUBLIC" as const } : {}),
  });
}
