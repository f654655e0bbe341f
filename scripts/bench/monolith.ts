/**
 * The monolith column: one process serving all four subgraphs' resolvers over the same databases, with no network
 * between domains. Each subgraph's executable schema runs in-process behind @apollo/gateway, whose data sources call
 * it as a function (no HTTP, no proof to sign or verify, no JSON between domains); the gateway still validates the
 * client's operation once, plans it and merges the answers, as one schema stitched at the resolver level would.
 */
// First: the gateway package switches Apollo's telemetry off before @apollo/gateway is loaded (see STACK.md).
import "@portal-graph/gateway";
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ApolloGateway, type GraphQLDataSource } from "@apollo/gateway";
import { ApolloServer, type BaseContext } from "@apollo/server";
import {
  apolloReportingDisabled,
  createGraphQLHttpServer,
  graphqlOverHttpPlugin,
  type Logger,
} from "@portal-graph/http-kit";
import type { TokenVerifier, Viewer } from "@portal-graph/auth";
import { viewerOf, type SubgraphContext, type SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { runInRequestScope } from "@portal-graph/subgraph-kit/testing";
import { execute, parse, type DocumentNode, type GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";

/** One request of the monolith: its viewer, verified once, and each domain's loaders, made when first needed. */
interface MonolithContext extends BaseContext {
  requestId: string;
  viewer: Viewer | null;
  loaders: Map<string, unknown>;
}

/** A subgraph the monolith serves: its definition, built schema and open database. */
export interface Domain {
  definition: SubgraphDefinition;
  schema: GraphQLSchema;
  dataSource: DataSource;
}

/**
 * A domain called in-process: its resolvers run with the context its own server would give them (the viewer, the
 * request's loaders, its data source, `caller: "gateway"` as in-process tests run), inside a request scope so its
 * SQL is counted and limited as at home. The planner's operations are valid by construction: each is parsed once.
 */
function inProcess(domain: Domain, logger: Logger): GraphQLDataSource<MonolithContext> {
  const documents = new Map<string, DocumentNode>();
  return {
    async process({ request, context }) {
      const query = request.query!;
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      const { name } = domain.definition;
      if (!context.loaders.has(name)) context.loaders.set(name, domain.definition.createLoaders(domain.dataSource));
      const contextValue: SubgraphContext = {
        requestId: context.requestId,
        viewer: context.viewer,
        caller: "gateway",
        loaders: context.loaders.get(name),
        dataSource: domain.dataSource,
        logger,
      };
      const result = await runInRequestScope(context.requestId, async () =>
        execute({ schema: domain.schema, document, variableValues: request.variables, contextValue }),
      );
      return result as Awaited<ReturnType<GraphQLDataSource["process"]>>;
    },
  };
}

/** Builds the monolith's HTTP server over open domains and the committed supergraph; it listens nowhere yet. */
export async function createMonolith(options: {
  root: string;
  domains: Domain[];
  verifier: TokenVerifier;
  logger: Logger;
}): Promise<{ server: Server; apollo: ApolloServer<MonolithContext> }> {
  const byName = new Map(options.domains.map((domain) => [domain.definition.name, domain]));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(path.join(options.root, "schema", "supergraph.graphql"), "utf8"),
    buildService: ({ name }) => {
      const domain = byName.get(name);
      if (!domain) throw new Error(`the monolith has no domain named ${name}`);
      return inProcess(domain, options.logger);
    },
    logger: options.logger,
  });
  const apollo = new ApolloServer<MonolithContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    plugins: [graphqlOverHttpPlugin(), ...apolloReportingDisabled<MonolithContext>()],
  });
  await apollo.start();
  const server = createGraphQLHttpServer<MonolithContext>({
    apollo,
    logger: options.logger,
    requestScope: false,
    context: async ({ requestId, headers }) => ({
      requestId,
      viewer: await viewerOf(options.verifier, headers.authorization),
      loaders: new Map(),
    }),
  });
  return { server, apollo };
}
