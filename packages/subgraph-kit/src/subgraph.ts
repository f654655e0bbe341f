import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import {
  apolloReportingDisabled,
  closeServer,
  createGraphQLHttpServer,
  createLogger,
  graphqlOverHttpPlugin,
  listen,
  onShutdown,
  readFlag,
  readPort,
  readSetting,
  type Logger,
  type RawRoute,
} from "@portal-graph/http-kit";
import type { GraphQLSchema } from "graphql";
import {
  createTokenVerifier,
  loadAuthConfig,
  loadCallerTrust,
  TokenRejectedError,
  type CallerRole,
  type CallerTrustConfig,
  type TokenVerifier,
} from "@portal-graph/auth";
import { createCallerCheck, OPEN_PATHS } from "./caller-check.js";
import { callerRolesPlugin } from "./caller-roles.js";
import type { DataSource, MigrationInterface } from "typeorm";
import type { SubgraphContext } from "./context.js";
import { openDatabase, resolveDatabase } from "./database.js";
import { createErrorFormatter, IdentityProviderUnavailableError, UnauthenticatedError } from "./errors.js";
import { inputHygienePlugin, type TextInputRules } from "./input-hygiene.js";
import { loadSubgraphLimits, subgraphLimitsPlugin, type SubgraphLimits } from "./limits.js";
import { findRepoRoot, registryEntry } from "./registry.js";
import { withRunningGraph } from "./running-graph.js";
import { deadlineFrom } from "./request-budget.js";
import { currentRequest, runInRequestScope } from "./request-scope.js";
import { subgraphMetricsRoute } from "./metrics.js";
import { changesHeader } from "./changes.js";
import { startTelemetry, subgraphServiceName } from "@portal-graph/telemetry";

/** What every subgraph declares, with a database or without one. */
interface SubgraphBasics {
  name: string;
  buildSchema(): Promise<GraphQLSchema>;
  /** Text inputs that are multi-line or take another length than the kit's default (see input-hygiene.ts). */
  textInputs?: TextInputRules;
  /**
   * Reads the subgraph's own settings (with http-kit's readers), once, at start, before its database is opened: a bad
   * value stops the start naming the variable. Keep what it returns and read that afterwards.
   */
  readSettings?(env: NodeJS.ProcessEnv): unknown;
}

/** Everything the kit needs to know about a subgraph with its own database to migrate, seed, serve and print it. */
export interface SubgraphDefinition<TLoaders = unknown> extends SubgraphBasics {
  database?: true;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  migrations: (new () => MigrationInterface)[];
  createLoaders(dataSource: DataSource): TLoaders;
  /** Puts the seed data in place; running it twice changes nothing. Returns how many rows it inserted. */
  seed(dataSource: DataSource): Promise<number>;
  /** True when the subgraph holds no data yet (start seeds only then). */
  isEmpty(dataSource: DataSource): Promise<boolean>;
  /** HTTP routes beside /graphql that write their own response (streamed exports); they check the caller themselves. */
  rawRoutes?(services: SubgraphServices): Record<string, RawRoute>;
  /** Background work of a running process (schedules); returns how to stop it. Not run in tests. */
  onStarted?(services: SubgraphServices): (() => void) | void;
}

/**
 * A subgraph without a database of its own: its data is computed, or comes from another team's HTTP API through its
 * loaders. No migrations, no seed, no DATABASE_URL; its context has no `dataSource`.
 */
export interface ComputedSubgraphDefinition<TLoaders = unknown> extends SubgraphBasics {
  database: false;
  createLoaders(): TLoaders;
  /** Whether what it depends on answers, for GET /ready (a backing API's health, say); ready when absent. */
  isReady?(): Promise<boolean>;
}

/** Either kind of subgraph, as runSubgraph and the test harness take it. */
export type AnySubgraphDefinition<TLoaders = unknown> =
  SubgraphDefinition<TLoaders> | ComputedSubgraphDefinition<TLoaders>;

/** True when the subgraph keeps its own database (the kit opens, migrates and seeds it). */
export function hasDatabase<TLoaders>(
  definition: AnySubgraphDefinition<TLoaders>,
): definition is SubgraphDefinition<TLoaders> {
  return definition.database !== false;
}

/** What a subgraph's raw routes and background work get to use. */
export interface SubgraphServices {
  dataSource: DataSource;
  logger: Logger;
  /** The request's viewer from its Authorization header; refused tokens throw UNAUTHENTICATED. */
  viewerOf(authorization: string | undefined): ReturnType<TokenVerifier["viewerFrom"]>;
}

export interface SubgraphServer {
  server: Server;
  apollo: ApolloServer<SubgraphContext>;
  schema: GraphQLSchema;
  /** Starts Apollo and listens (on 127.0.0.1 unless a host is given); resolves with the bound port. */
  start(port: number, host?: string): Promise<number>;
  /** Stops accepting, drains in-flight requests and stops Apollo (the data source stays open). */
  stop(): Promise<void>;
}

const counters = { requests: 0 };

/** Builds a subgraph's HTTP server over an open data source; it listens nowhere until start(). */
export async function createSubgraphServer<TLoaders>(
  definition: AnySubgraphDefinition<TLoaders>,
  dataSource: DataSource | null,
  options: {
    logger?: Logger;
    maxBodyBytes?: number;
    verifier?: TokenVerifier;
    limits?: SubgraphLimits;
    callerTrust?: CallerTrustConfig;
  } = {},
): Promise<SubgraphServer> {
  const logger = options.logger ?? createLogger(definition.name);
  // Each subgraph verifies the caller's token itself: calling it directly, around the gateway, gains nothing.
  const verifier = options.verifier ?? createTokenVerifier(loadAuthConfig());
  // ... and that the call came through the gateway (or another trusted caller): see docs/adr/0003.
  const callerTrust = options.callerTrust ?? loadCallerTrust();
  const production = process.env.NODE_ENV === "production";
  const schema = await definition.buildSchema();
  const limits = options.limits ?? loadSubgraphLimits();
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Introspection is decided per caller by callerRolesPlugin (the gateway and the registry in production).
    introspection: true,
    // Inline tracing is for GraphOS usage reporting, which Portal Graph does not use; it costs on every request.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      callerRolesPlugin(production),
      subgraphLimitsPlugin(schema, limits),
      ...apolloReportingDisabled<SubgraphContext>(),
      graphqlOverHttpPlugin(),
      inputHygienePlugin(schema, definition.textInputs),
    ],
  });
  const services: SubgraphServices | null = dataSource && {
    dataSource,
    logger,
    viewerOf: (authorization) => viewerOf(verifier, authorization),
  };
  const server = createGraphQLHttpServer<SubgraphContext>({
    apollo,
    logger,
    // /metrics answers JSON or, to a scraper's Accept, Prometheus text: a raw route, since it is not always JSON.
    rawRoutes: {
      ...(hasDatabase(definition) && services ? definition.rawRoutes?.(services) : {}),
      "/metrics": subgraphMetricsRoute(definition.name, () => counters.requests),
    },
    maxBodyBytes: options.maxBodyBytes,
    // A request stops at its next SQL statement once its caller has gone or the gateway's deadline has passed.
    around: (request, run) =>
      runInRequestScope(request.requestId, run, { signal: request.signal, ...deadlineFrom(request.headers) }),
    verifyCaller: createCallerCheck(definition.name, callerTrust, logger),
    openPaths: OPEN_PATHS,
    context: async ({ requestId, headers, caller }) => {
      counters.requests += 1;
      const scope = currentRequest();
      if (scope) scope.maxStatements = limits.sqlStatements;
      return {
        requestId,
        viewer: await viewerOf(verifier, headers.authorization),
        caller: caller as CallerRole,
        ...loadersAndData(definition, dataSource),
        logger: logger.child({ requestId }),
      };
    },
    responseHeaders: () => ({
      "x-sql-statements": String(currentRequest()?.sqlStatements ?? 0),
      ...changesHeader(),
    }),
    routes: {
      "/health": async () => ({ status: 200, body: { status: "ok", subgraph: definition.name } }),
      "/ready": async () => {
        try {
          if (dataSource) await dataSource.query("SELECT 1");
          else if (!hasDatabase(definition) && definition.isReady && !(await definition.isReady())) {
            throw new Error("what it depends on is not ready");
          }
          return { status: 200, body: { ready: true, subgraph: definition.name } };
        } catch (error) {
          logger.warn({ err: error }, dataSource ? "database not answering" : "not ready");
          return { status: 503, body: { ready: false, subgraph: definition.name } };
        }
      },
    },
  });
  return {
    server,
    apollo,
    schema,
    async start(port, host) {
      await apollo.start();
      return listen(server, port, host ?? "127.0.0.1");
    },
    async stop() {
      await closeServer(server);
      await apollo.stop();
    },
  };
}

/**
 * The verified viewer of a request; a refused token is UNAUTHENTICATED with HTTP 401, and a token that cannot be
 * judged because the identity provider is down is IDENTITY_PROVIDER_UNAVAILABLE with HTTP 503.
 */
export async function viewerOf(verifier: TokenVerifier, authorization: string | undefined) {
  try {
    return await verifier.viewerFrom(authorization);
  } catch (error) {
    if (!(error instanceof TokenRejectedError)) throw error;
    if (error.reason === "unavailable") throw new IdentityProviderUnavailableError(error.message);
    throw new UnauthenticatedError(error.message);
  }
}

/**
 * A request's loaders, and its data source when the subgraph has one (a subgraph without a database gets none: its
 * context type has no `dataSource`).
 */
export function loadersAndData<TLoaders>(
  definition: AnySubgraphDefinition<TLoaders>,
  dataSource: DataSource | null,
): { loaders: TLoaders; dataSource: DataSource } {
  if (hasDatabase(definition)) {
    if (!dataSource) throw new Error(`${definition.name} keeps a database, but none was opened`);
    return { loaders: definition.createLoaders(dataSource), dataSource };
  }
  return { loaders: definition.createLoaders() } as { loaders: TLoaders; dataSource: DataSource };
}

/**
 * The whole life of a subgraph process: read configuration, open and migrate its database, seed it when
 * SEED_ON_START=true and it is empty, serve on PORT (default: its registry port), and drain on SIGTERM.
 */
export async function runSubgraph<TLoaders>(definition: AnySubgraphDefinition<TLoaders>): Promise<void> {
  // First, before the database and the server: tracing is on only when OTEL_EXPORTER_OTLP_ENDPOINT is set.
  const telemetry = await startTelemetry({ service: subgraphServiceName(definition.name) });
  const logger = createLogger(definition.name);
  try {
    definition.readSettings?.(process.env);
    const root = repoRootOrNull();
    const { env, graph } = withRunningGraph(root);
    if (graph)
      logger.info({ gateway: graph.gatewayUrl }, "trusting the issuer and callers of the graph npm start runs");
    const verifier = createTokenVerifier(loadAuthConfig(env));
    const callerTrust = loadCallerTrust(env);
    if (readSetting(process.env, "PORT") === undefined && !root) {
      throw new Error("PORT is required: outside the Portal Graph repository there is no registry port to default to");
    }
    const port =
      readSetting(process.env, "PORT") === undefined
        ? registryEntry(definition.name, root!).port
        : readPort(process.env, "PORT", 0);
    const database = hasDatabase(definition) ? await openOwnDatabase(definition, logger) : null;
    const dataSource = database?.dataSource ?? null;
    const subgraph = await createSubgraphServer(definition, dataSource, { logger, verifier, callerTrust });
    const stopBackground =
      hasDatabase(definition) && dataSource
        ? definition.onStarted?.({ dataSource, logger, viewerOf: (authorization) => viewerOf(verifier, authorization) })
        : undefined;
    // Loopback unless told otherwise: only the gateway, on the same host or through HOST, should reach a subgraph.
    const host = readSetting(process.env, "HOST") ?? "127.0.0.1";
    const bound = await subgraph.start(port, host);
    const { address } = subgraph.server.address() as AddressInfo;
    logger.info({ port: bound, host: address, database: database?.kind ?? "none" }, "subgraph listening");
    onShutdown(logger, async () => {
      stopBackground?.();
      await subgraph.stop();
      await dataSource?.destroy();
      await telemetry?.shutdown();
    });
  } catch (error) {
    logger.fatal({ err: error }, `${definition.name} failed to start: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Opens and migrates the subgraph's database (DATABASE_URL, else SQLite); seeds it when SEED_ON_START=true and empty. */
async function openOwnDatabase<TLoaders>(definition: SubgraphDefinition<TLoaders>, logger: Logger) {
  const target = resolveDatabase(definition.name);
  const { entities, migrations } = definition;
  const dataSource = await openDatabase({ target, entities, migrations, logger });
  if (readFlag(process.env, "SEED_ON_START") && (await definition.isEmpty(dataSource))) {
    const inserted = await definition.seed(dataSource);
    logger.info({ inserted }, "seeded an empty database");
  }
  return { dataSource, kind: target.kind };
}

/** The checkout this subgraph runs from, or null outside one (a subgraph deployed alone). */
function repoRootOrNull(): string | null {
  try {
    return findRepoRoot();
  } catch {
    return null;
  }
}
