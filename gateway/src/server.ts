// First: Apollo's telemetry is switched off before @apollo/gateway is loaded (also for in-process use).
import "./telemetry-off.js";
import type { Server } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDisableSuggestions } from "@apollo/server/plugin/disableSuggestions";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  apolloReportingDisabled,
  createGraphQLHttpServer,
  createLogger,
  graphqlOverHttpPlugin,
  listen,
  type Logger,
} from "@portal-graph/http-kit";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { createTokenVerifier, loadAuthConfig, TokenRejectedError, type TokenVerifier } from "@portal-graph/auth";
import { resolveSubgraphUrl, type GatewayConfig } from "./config.js";
import { checkReadiness, subgraphsFromSupergraph, type SubgraphEndpoint } from "./readiness.js";
import { createSupergraphFileHook } from "./supergraph-source.js";
import { passthroughRoute } from "./passthrough.js";
import { deduplicatingFetch, timeLimitedFetch } from "./deduplication.js";
import { tokenRefusalError } from "./token-errors.js";

export { loadGatewayConfig, type GatewayConfig } from "./config.js";
export type { ReadinessReport, SubgraphReadiness } from "./readiness.js";

/** What each operation carries from the client's HTTP request to the subgraph fetches. */
export interface GatewayContext extends BaseContext {
  requestId: string;
  /** The client's Authorization header, forwarded untouched; subgraphs decide what it is worth. */
  authorization?: string;
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
}

// Node 20's global fetch (undici) pools keep-alive connections per origin, so subgraph calls reuse sockets; the
// data source's default (make-fetch-happen) is typed for node-fetch, hence the cast.
const keepAliveFetch = globalThis.fetch;

/** A RemoteGraphQLDataSource that calls a subgraph with the caller's Authorization and the request id. */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    url: string,
    private readonly logger: Logger,
    fetcher: typeof fetch,
  ) {
    // The data source's fetcher type is node-fetch's; undici's fetch is what runs.
    super({ url, fetcher: fetcher as unknown as RemoteGraphQLDataSource["fetcher"] });
  }

  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = options.request.http?.headers;
    // Health checks and schema loads carry no client request, so their context is empty.
    const context = options.context as Partial<GatewayContext>;
    if (!headers) return;
    if (context.requestId) headers.set("x-request-id", context.requestId);
    if (context.authorization) headers.set("authorization", context.authorization);
  }

  // A refused connection or a timeout would reach the client as a bare "fetch failed" coded INTERNAL_SERVER_ERROR;
  // say which subgraph is missing instead, and keep the transport detail (and its URL) in the log.
  override didEncounterError(error: Error, _request: unknown, _response?: unknown, context?: GatewayContext): void {
    if (error instanceof GraphQLError) throw error;
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    this.logger.warn(
      {
        subgraph: this.subgraph,
        requestId: context?.requestId,
        reason: cause?.code ?? cause?.message ?? error.message,
      },
      "subgraph unavailable",
    );
    throw new GraphQLError(`Subgraph "${this.subgraph}" is unavailable; try again shortly`, {
      extensions: { code: "SUBGRAPH_UNAVAILABLE", subgraph: this.subgraph },
    });
  }
}

/** Builds the gateway: Apollo Gateway over the supergraph file, inside Apollo Server, behind the shared HTTP layer. */
export function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Gateway {
  const logger = options.logger ?? createLogger("gateway");
  const verifier = options.verifier ?? createTokenVerifier(loadAuthConfig());
  const overrides = config.subgraphUrlOverrides;
  const limited = timeLimitedFetch(keepAliveFetch, config.subgraphTimeoutMs);
  const subgraphFetch = config.deduplicateSubgraphQueries ? deduplicatingFetch(limited) : limited;
  let subgraphs: SubgraphEndpoint[] = [];

  const gateway = new ApolloGateway({
    supergraphSdl: createSupergraphFileHook({
      path: config.supergraphPath,
      pollIntervalMs: config.pollIntervalMs,
      logger,
    }),
    buildService: ({ name, url }) =>
      new SubgraphDataSource(name, resolveSubgraphUrl(name, url ?? "", overrides), logger, subgraphFetch),
    // Validate every supergraph before serving it, production included (the gateway skips it there by default):
    // a broken file must be refused at load, not discovered by the first query that touches it.
    validateSupergraph: true,
    logger: logger.child({ component: "apollo-gateway" }),
  });
  // Readiness follows the supergraph actually served, not whatever is in the file.
  gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    subgraphs = subgraphsFromSupergraph(coreSupergraphSdl, overrides);
  });

  /** Why the token is refused, or null when it is good or absent. */
  async function tokenRefusal(authorization: string | undefined, requestId?: string) {
    try {
      await verifier.viewerFrom(authorization);
      return null;
    } catch (error) {
      if (!(error instanceof TokenRejectedError)) throw error;
      const cause = (error.cause as Error | undefined)?.message;
      logger[error.reason === "unavailable" ? "warn" : "info"](
        { requestId, reason: error.reason, cause },
        "token refused",
      );
      return error;
    }
  }

  async function checkToken(authorization: string | undefined, requestId: string): Promise<void> {
    const refusal = await tokenRefusal(authorization, requestId);
    if (refusal) throw tokenRefusalError(refusal);
  }

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger: logger.child({ component: "apollo-server" }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    parseOptions: { maxTokens: 10_000 },
    formatError: hideSubgraphResponse,
    plugins: [
      // The default landing page loads from a CDN, which this network cannot reach.
      ApolloServerPluginLandingPageDisabled(),
      // "Did you mean ...?" would hand out the schema that disabling introspection hides.
      ...(config.introspection ? [] : [ApolloServerPluginDisableSuggestions()]),
      graphqlOverHttpPlugin(),
      ...apolloReportingDisabled<GatewayContext>(),
    ],
  });

  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger,
    maxBodyBytes: config.maxBodyBytes,
    cors: { origins: config.corsOrigins },
    context: async ({ requestId, headers }) => {
      // Refuse a bad token here, before any planning; the subgraphs verify it again on their own.
      await checkToken(headers.authorization, requestId);
      return { requestId, authorization: headers.authorization };
    },
    rawRoutes: Object.fromEntries(
      Object.entries(config.passthroughRoutes).map(([routePath, subgraph]) => [
        routePath,
        passthroughRoute({
          path: routePath,
          subgraph,
          endpoints: () => subgraphs,
          tokenRefusal,
          timeoutMs: config.subgraphTimeoutMs,
          logger,
        }),
      ]),
    ),
    routes: {
      "/health": async () => ({ status: 200, body: { status: "ok" } }),
      "/ready": async () => {
        const report = await checkReadiness(subgraphs, config.readyTimeoutMs);
        return { status: report.ready ? 200 : 503, body: report };
      },
    },
  });
  // Added after construction because the HTTP server needs Apollo and the drain plugin needs the HTTP server.
  // Inside onShutdown's 10 s grace, so a drain that hits its limit still ends in an orderly exit.
  apollo.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer: server, stopGracePeriodMillis: 8000 }));

  // Only a started Apollo Server may be stopped; a gateway that never started (or failed to) has nothing to drain.
  let started = false;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= started ? apollo.stop() : Promise.resolve();
    return stopping;
  };
  return {
    server,
    async start() {
      try {
        await apollo.start();
      } catch (error) {
        const message = (error as Error).message;
        // Everything Apollo does at start is loading the supergraph: say which file, as the read error already does.
        if (message.includes(config.supergraphPath)) throw error;
        throw new Error(`the supergraph at ${config.supergraphPath} did not load: ${message}`, { cause: error });
      }
      started = true;
      try {
        return await listen(server, config.port, config.host);
      } catch (error) {
        // Release the supergraph watcher and the gateway: a caller that cannot listen should not have to clean up.
        await stop();
        throw error;
      }
    },
    stop,
  };
}

/** Drops what a subgraph's HTTP error carries to the gateway (its URL, its raw body): the client needs neither. */
function hideSubgraphResponse(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.response) return formatted;
  const { response: _response, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
