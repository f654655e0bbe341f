// First: Apollo's telemetry is switched off before @apollo/gateway is loaded (also for in-process use).
import "./telemetry-off.js";
import type { Server } from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDisableSuggestions } from "@apollo/server/plugin/disableSuggestions";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControl } from "@apollo/server/plugin/cacheControl";
import {
  apolloReportingDisabled,
  closeServer,
  createGraphQLHttpServer,
  createLogger,
  graphqlOverHttpPlugin,
  listen,
  type Logger,
} from "@portal-graph/http-kit";
import {
  createTokenVerifier,
  loadAuthConfig,
  loadGatewaySigningKey,
  TokenRejectedError,
  type CallerSigningKey,
  type TokenVerifier,
} from "@portal-graph/auth";
import { createGatewayProof } from "./gateway-proof.js";
import { resolveSubgraphUrl, subgraphTimeout, type GatewayConfig } from "./config.js";
import { checkSubgraphs, subgraphsFromSupergraph, type SubgraphEndpoint } from "./readiness.js";
import { reportFieldsOf, type ReportFields } from "./report-fields.js";
import { SubgraphDataSource } from "./subgraph-data-source.js";
import { createSupergraphFileHook, createSupergraphRegistryHook } from "./supergraph-source.js";
import { createUsageReporter } from "./usage-reporter.js";
import { passthroughRoute } from "./passthrough.js";
import { deduplicatingTransport } from "./deduplication.js";
import { httpTransport } from "./subgraph-transport.js";
import { createOperationLimits } from "./limits/operation-limits.js";
import { createGatewayMetrics, withFetchMetrics } from "./metrics.js";
import { createMetricsServer, metricsRoute } from "./metrics-server.js";
import { countingPlanCache } from "./plan-cache.js";
import { createRateLimiter } from "./rate-limit/rate-limiter.js";
import { tokenRefusalError } from "./token-errors.js";
import { hideSubgraphResponse, unexpectedErrorsPlugin } from "./error-masking.js";
import { createTrustedDocuments } from "./trusted-documents.js";
import { createRedisApqCache } from "./apq-cache.js";
import { createResponseCache, noStorePlugin } from "./response-cache.js";
import { graphqlIdeRoute } from "./graphql-ide.js";

export { loadGatewayConfig, type GatewayConfig } from "./config.js";
export type { SubgraphHealth, SubgraphHealthReport } from "./readiness.js";

/** What each operation carries from the client's HTTP request to the subgraph fetches. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  /** The client's Authorization header, forwarded untouched; subgraphs decide what it is worth. */
  authorization?: string;
  /** Aborts when the client has gone, which gives up its subgraph fetches. */
  signal?: AbortSignal;
  /** Whose budgets the request spends when rate limits are on: `user:<sub>` or `address:<ip>`. */
  client?: string;
  /** The verified token's subject, null when anonymous: whose session the response cache keeps answers for. */
  subject?: string | null;
}

/** A gateway built but not yet listening: start() loads the supergraph and binds, stop() drains. */
export interface Gateway {
  server: Server;
  /** Loads the supergraph, then listens on config.port (0 picks a free port); resolves with the bound port. */
  start(): Promise<number>;
  /** Stops accepting connections, lets requests in flight finish, stops watching the supergraph. */
  stop(): Promise<void>;
}

/** Options that are not configuration: collaborators the caller may supply. */
export interface GatewayOptions {
  logger?: Logger;
  /** Verifies bearer tokens; defaults to one built from the OIDC_* environment (the same code the subgraphs use). */
  verifier?: TokenVerifier;
  /** The key that signs the gateway's proof on each subgraph call; defaults to GATEWAY_PROOF_KEY_FILE (null: none). */
  proofKey?: CallerSigningKey | null;
}

/** Builds the gateway: Apollo Gateway over the supergraph file, inside Apollo Server, behind the shared HTTP layer. */
export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger("gateway");
  const verifier = options.verifier ?? createTokenVerifier(loadAuthConfig());
  const proofKey = options.proofKey !== undefined ? options.proofKey : loadGatewaySigningKey();
  if (!proofKey) logger.warn("GATEWAY_PROOF_KEY_FILE is not set: subgraph calls carry no gateway proof");
  const proof = createGatewayProof(proofKey);
  const overrides = config.subgraphUrlOverrides;
  const metrics = createGatewayMetrics();
  // Keep-alive node:http agents, so subgraph calls reuse sockets (subgraph-transport.ts says why not fetch).
  const http = httpTransport();
  const transport = config.deduplicateSubgraphQueries ? deduplicatingTransport(http) : http;
  const responseCache = config.responseCache.enabled
    ? createResponseCache<GatewayContext>(config.responseCache, logger, {
        lookup: (outcome) => metrics.countResponseCacheLookup(outcome),
        eviction: () => metrics.countResponseCacheEviction(),
      })
    : undefined;
  // One data source per subgraph and URL for the life of the gateway, so a supergraph reload keeps each circuit.
  const sources = new Map<string, SubgraphDataSource>();
  let reportFields: ReportFields = new Map();
  const sourceFor = (name: string, url: string): SubgraphDataSource => {
    const key = `${name} ${url}`;
    let source = sources.get(key);
    if (!source) {
      source = new SubgraphDataSource({
        name,
        url,
        timeoutMs: subgraphTimeout(name, config),
        logger,
        transport,
        breaker: { failureThreshold: config.breakerFailures, resetMs: config.breakerResetMs },
        retry: config.retrySubgraphQueries,
        proof,
        reportFields: () => reportFields,
        onCircuitChange: (state) => metrics.setCircuitState(name, state),
        onChanges: responseCache ? (tags) => responseCache.evict(tags) : undefined,
      });
      sources.set(key, source);
    }
    return source;
  };
  let subgraphs: SubgraphEndpoint[] = [];
  let supergraphLoaded = false;
  // The registry's number for the version served (null from the file, or from the copy on disk).
  let supergraphVersion: string | null = null;
  let draining = false;
  const rateLimiter = config.rateLimit.enabled ? createRateLimiter(config.rateLimit, logger) : undefined;
  const limits = createOperationLimits<GatewayContext>(
    config.limits,
    logger,
    async (estimate, { contextValue }) => {
      if (rateLimiter && contextValue.client) await rateLimiter.charge(contextValue.client, estimate.cost);
    },
    (limit) => metrics.countRefusal(limit),
  );

  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphUrl
      ? createSupergraphRegistryHook({
          url: config.supergraphUrl,
          token: config.registryToken,
          pollIntervalMs: config.pollIntervalMs,
          cachePath: config.supergraphCachePath,
          logger,
          onVersion: (version) => (supergraphVersion = version),
        })
      : createSupergraphFileHook({ path: config.supergraphPath, pollIntervalMs: config.pollIntervalMs, logger }),
    buildService: ({ name, url }) =>
      withFetchMetrics(sourceFor(name, resolveSubgraphUrl(name, url ?? "", overrides)), name, metrics),
    // The gateway's own plan store, counted: the supported way to see plan-cache hits without reaching inside it.
    queryPlannerConfig: { cache: countingPlanCache((hit) => metrics.countPlanLookup(hit)) },
    // Validate every supergraph before serving it, production included (the gateway skips it there by default):
    // a broken file must be refused at load, not discovered by the first query that touches it.
    validateSupergraph: true,
    logger: logger.child({ component: "apollo-gateway" }),
  });
  // Readiness follows the supergraph actually served, not whatever is in the file.
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    subgraphs = subgraphsFromSupergraph(coreSupergraphSdl, overrides);
    reportFields = reportFieldsOf(coreSupergraphSdl);
    supergraphLoaded = true;
    metrics.setSupergraph(coreSupergraphSdl);
  });
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => limits.supergraphLoaded(coreSupergraphSdl));

  /** The token's subject (null when anonymous), or why the token is refused. */
  async function verifyToken(authorization: string | undefined, requestId?: string) {
    try {
      return { subject: (await verifier.viewerFrom(authorization))?.id ?? null, refusal: null };
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      const cause = (error.cause as Error | undefined)?.message;
      logger[error.reason === "unavailable" ? "warn" : "info"](
        { requestId, reason: error.reason, cause },
        "token refused",
      );
      return { subject: null, refusal: error };
    }
  }

  /** Why the token is refused, or null when it is good or absent. */
  async function tokenRefusal(authorization: string | undefined, requestId?: string) {
    return (await verifyToken(authorization, requestId)).refusal;
  }

  /** The token's subject (null when anonymous); a refused token throws 401, an unreachable identity provider 503. */
  async function checkToken(authorization: string | undefined, requestId: string): Promise<string | null> {
    const { subject, refusal } = await verifyToken(authorization, requestId);
    if (refusal) throw tokenRefusalError(refusal);
    return subject;
  }

  const usage = config.usageReportUrl
    ? createUsageReporter<GatewayContext>({
        url: config.usageReportUrl,
        token: config.registryToken,
        intervalMs: config.usageReportIntervalMs,
        logger,
      })
    : undefined;
  // Read at construction, so a bad manifest stops the start with a message naming it.
  const trusted =
    config.trustedDocuments.manifests.length > 0
      ? createTrustedDocuments<GatewayContext>(config.trustedDocuments)
      : undefined;
  if (trusted) {
    const { manifests, only } = config.trustedDocuments;
    logger.info({ manifests: manifests.length, documents: trusted.size, only }, "trusted documents loaded");
  }
  const apqStore =
    config.apq.enabled && config.apq.redisUrl ? createRedisApqCache(config.apq.redisUrl, logger) : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Automatic persisted queries, in Redis when REDIS_URL is set; off when only trusted documents may run.
    persistedQueries: config.apq.enabled ? (apqStore ? { cache: apqStore.cache } : {}) : false,
    logger: logger.child({ component: "apollo-server" }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // The parser stops at the token limit; limits.formatError answers it as OPERATION_LIMIT_EXCEEDED.
    parseOptions: { maxTokens: config.limits.tokens },
    formatError: (formatted, error) => limits.formatError(hideSubgraphResponse(formatted), error),
    plugins: [
      // The default landing page loads from a CDN, which this network cannot reach; our IDE is in graphql-ide.ts.
      ApolloServerPluginLandingPageDisabled(),
      // "Did you mean ...?" would hand out the schema that disabling introspection hides.
      ...(config.introspection ? [] : [ApolloServerPluginDisableSuggestions()]),
      // First: the request's text must be in place before any other plugin looks at it.
      ...(trusted ? [trusted.plugin] : []),
      limits.plugin,
      unexpectedErrorsPlugin(logger),
      metrics.requestPlugin<GatewayContext>(),
      graphqlOverHttpPlugin(),
      ...apolloReportingDisabled<GatewayContext>(),
      ...(usage ? [usage.plugin] : []),
      // The subgraphs' Cache-Control answers make each operation's cache policy (see subgraph-data-source.ts), which
      // the response cache reads; clients keep getting no-store, since a browser or proxy copy could not be evicted.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      noStorePlugin<GatewayContext>(),
      ...(responseCache?.plugins ?? []),
    ],
  });

  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    cors: { origins: config.corsOrigins },
    // The IDE for browsers (our HTTP layer, not Apollo's landing page: see graphql-ide.ts).
    graphqlPage: config.graphqlIde
      ? graphqlIdeRoute({ endpoint: "/graphql", development: process.env.NODE_ENV !== "production" })
      : undefined,
    // The async-local request scope costs this promise-heavy process about a fifth of its throughput on Node 20, so
    // it is on only where per-request lines are written (debug, trace); the gateway's own request-time lines at info
    // and above name their request themselves.
    requestScope: logger.isLevelEnabled("debug"),
    context: async ({ requestId, headers, signal, remoteAddress, graphql }) => {
      // Refuse a bad token here, before any planning; the subgraphs verify it again on their own.
      const subject = await checkToken(headers.authorization, requestId);
      // Only trusted documents, when so configured, refused before anything reads the text; an id becomes its text.
      const query = trusted ? trusted.admit(graphql) : graphql?.query;
      // Structural limits before validation, so a long hostile document is refused in milliseconds.
      limits.precheck(query, graphql?.operationName, requestId);
      const client = await rateLimiter?.admit(subject, remoteAddress, headers);
      return { requestId, authorization: headers.authorization, signal, client, subject };
    },
    rawRoutes: {
      ...Object.fromEntries(
        Object.entries(config.passthroughRoutes).map(([routePath, subgraph]) => [
          routePath,
          passthroughRoute({
            path: routePath,
            subgraph,
            endpoints: () => subgraphs,
            tokenRefusal,
            timeoutMs: config.subgraphTimeoutMs,
            logger,
            proof,
          }),
        ]),
      ),
      // Production keeps /metrics off the public port; METRICS_PORT serves it there (see metrics-server.ts).
      ...(config.publicMetrics ? { "/metrics": metricsRoute(metrics) } : {}),
    },

    routes: {
      "/health": async () => ({ status: 200, body: { status: "ok" } }),
      // Ready while this gateway can serve, whatever the subgraphs do: one team's outage must not take every
      // replica out of the load balancer. Each subgraph's state is on /health/subgraphs.
      "/ready": async () => {
        const ready = supergraphLoaded && !draining;
        return { status: ready ? 200 : 503, body: { ready, supergraphLoaded, draining } };
      },
      "/health/subgraphs": async () => {
        const monitored = subgraphs.map(({ name, url }) => sourceFor(name, url));
        const report = await checkSubgraphs(monitored, config.readyTimeoutMs);
        return { status: 200, body: { ...report, supergraphVersion } };
      },
    },
  });
  // Added after construction because the HTTP server needs Apollo and the drain plugin needs the HTTP server.
  // Inside onShutdown's 10 s grace, so a drain that hits its limit still ends in an orderly exit.
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 8000 }));
  const metricsServer = config.metricsPort === undefined ? undefined : createMetricsServer(metrics);

  // Only a started Apollo Server may be stopped; a gateway that never started (or failed to) has nothing to drain.
  let started = false;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    draining = true;
    for (const source of sources.values()) source.breaker.stop();
    stopping ??= (started ? apollo.stop() : Promise.resolve())
      .finally(() => rateLimiter?.close())
      .then(() => apqStore?.close())
      .then(() => responseCache?.close())
      .then(() => usage?.stop())
      .then(() => metricsServer && closeServer(metricsServer))
      .finally(() => http.close());
    return stopping;
  };
  return {
    server,
    async start() {
      await rateLimiter?.open();
      await responseCache?.open();
      try {
        await apollo.start();
      } catch (error) {
        const message = (error as Error).message;
        // Everything Apollo does at start is loading the supergraph: say from where, as the read error already does.
        const source = config.supergraphUrl ?? config.supergraphPath;
        if (message.includes(source) || (config.supergraphUrl && message.includes(config.supergraphCachePath)))
          throw error;
        throw new Error(`the supergraph at ${source} did not load: ${message}`, { cause: error });
      }
      started = true;
      try {
        const port = await listen(server, config.port, config.host);
        if (metricsServer && config.metricsPort !== undefined) {
          const metricsPort = await listen(metricsServer, config.metricsPort, config.metricsHost);
          logger.info({ port: metricsPort, host: config.metricsHost }, "metrics listening");
        }
        return port;
      } catch (error) {
        // Release the supergraph watcher and the gateway: a caller that cannot listen should not have to clean up.
        await stop();
        throw error;
      }
    },
    stop,
  };
}
