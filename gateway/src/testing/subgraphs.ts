/** Test fixtures: tiny real subgraphs on real ports, and supergraphs composed from them. Not part of the build. */
import { renameSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { composeServices } from "@apollo/composition";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { closeServer, createGraphQLHttpServer, createLogger, listen } from "@portal-graph/http-kit";
import { parse } from "graphql";

type SchemaModule = Extract<
  Extract<Parameters<typeof buildSubgraphSchema>[0], unknown[]>[number],
  { typeDefs: unknown }
>;

/** A subgraph's schema and resolvers. */
export interface SubgraphFixture {
  name: string;
  typeDefs: string;
  resolvers: NonNullable<SchemaModule["resolvers"]>;
}

/** A running test subgraph and what it has seen. */
export interface RunningSubgraph {
  name: string;
  port: number;
  url: string;
  server: Server;
  /** The headers that matter, as each GraphQL request brought them. */
  seen: { authorization?: string; requestId?: string }[];
  /** TCP connections the subgraph has accepted since it started. */
  connections(): number;
  close(): Promise<void>;
}

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const THINGS = [
  { id: "t1", name: "Anvil" },
  { id: "t2", name: "Bellows" },
];

/** Owns `Thing @key(id)`: ids and names, plus a query that waits until the test lets it go. */
export function thingsSubgraph(gate: { wait: () => Promise<void> } = { wait: async () => {} }): SubgraphFixture {
  return {
    name: "things",
    typeDefs: `${FEDERATION}
      type Query { things: [Thing!]!  thing(id: ID!): Thing  slow: String! }
      type Thing @key(fields: "id") { id: ID!  name: String! }`,
    resolvers: {
      Query: {
        things: () => THINGS,
        thing: (_: unknown, { id }: { id: string }) => THINGS.find((thing) => thing.id === id) ?? null,
        slow: async () => {
          await gate.wait();
          return "done";
        },
      },
      Thing: { __resolveReference: (ref: { id: string }) => THINGS.find((thing) => thing.id === ref.id) ?? null },
    },
  };
}

/** Adds `rating` to Thing (nullable, as a field added to another subgraph's type is); `withStars` also adds `stars`, for a supergraph that grows while the gateway runs. */
export function ratingsSubgraph(withStars = false): SubgraphFixture {
  return {
    name: "thing-ratings",
    typeDefs: `${FEDERATION}
      type Thing @key(fields: "id") { id: ID!  rating: Int ${withStars ? "stars: String" : ""} }`,
    resolvers: {
      Thing: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id, rating: ref.id === "t1" ? 5 : 3 }),
        stars: (thing: { rating: number }) => "*".repeat(thing.rating),
      },
    },
  };
}

/** Serves a subgraph through the shared HTTP layer, with a /ready route, on the given port (0: any free one). */
export async function startSubgraph(fixture: SubgraphFixture, port = 0): Promise<RunningSubgraph> {
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(fixture.typeDefs), resolvers: fixture.resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const seen: RunningSubgraph["seen"] = [];
  const server = createGraphQLHttpServer({
    apollo,
    logger: createLogger(fixture.name),
    context: async ({ requestId, headers }) => {
      seen.push({ requestId, authorization: headers.authorization });
      return {};
    },
    routes: { "/ready": async () => ({ status: 200, body: { status: "ready" } }) },
    // A streamed download, for the gateway's passthrough routes: it echoes who asked.
    rawRoutes: {
      "/export/things.csv": async (req, res, request) => {
        res.writeHead(200, { "content-type": "text/csv; charset=utf-8" });
        res.write("id,name\n");
        for (let i = 0; i < 1000; i++) res.write(`t${i},thing ${i}\n`);
        res.end(`# ${req.headers.authorization ?? "anonymous"} ${request.requestId}\n`);
      },
    },
  });
  let connections = 0;
  server.on("connection", () => connections++);
  const bound = await listen(server, port, "127.0.0.1");
  return {
    name: fixture.name,
    port: bound,
    url: `http://127.0.0.1:${bound}/graphql`,
    server,
    seen,
    connections: () => connections,
    async close() {
      await closeServer(server, 1000);
      await apollo.stop();
    },
  };
}

/** Composes subgraphs into a supergraph SDL, each routed to the given URL; composition errors throw. */
export function composeSupergraph(subgraphs: { fixture: SubgraphFixture; url: string }[]): string {
  const result = composeServices(
    subgraphs.map(({ fixture, url }) => ({ name: fixture.name, typeDefs: parse(fixture.typeDefs), url })),
  );
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join("\n"));
  return result.supergraphSdl;
}

/** Replaces a file the way editors and careful scripts do: write a sibling, then rename over the original. */
export function replaceFile(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}
