import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  closeServer,
  createGraphQLHttpServer,
  createLogger,
  listen,
  PUBLIC_DATA_CHANGES_HEADER,
} from "@portal-graph/http-kit";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway } from "./server.js";
import { composeSupergraph, type SubgraphFixture } from "./testing/subgraphs.js";
import { requireRedisInCi, TEST_REDIS_URL } from "./testing/redis.js";

// A subgraph that declares its hints as ours do, and reports its writes on the answer's header.
const SHELF_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query { books: [Book!]! @cacheControl(maxAge: 60)  book(id: ID!): Book @cacheControl(maxAge: 60)  notes: [Note!]! }
  type Note { id: ID! }
  type Book @key(fields: "id") @cacheControl(maxAge: 60) { id: ID!  title: String! }
  type Mutation {
    retitle(id: ID!, title: String!): Book
    retitleQuietly(id: ID!, title: String!): Book
    addBook(id: ID!, title: String!): Book
  }`;

interface Shelf {
  fixture: SubgraphFixture;
  url: string;
  /** GraphQL requests the subgraph has served. */
  requests(): number;
  /** Holds the next read of the book list, once its titles are read (`reached`), until `release` is called. */
  holdNextList(): { reached: Promise<void>; release: () => void };
  close(): Promise<void>;
}

async function startShelf(): Promise<Shelf> {
  const books = new Map([
    ["b1", "Dune"],
    ["b2", "Emma"],
  ]);
  // Each write's request, and the tag it reports on its answer.
  const reported = new Map<string, string>();
  const list = () => [...books].map(([id, title]) => ({ id, title }));
  let held: { reached: () => void; released: Promise<void> } | null = null;
  const retitle = (id: string, title: string) => {
    books.set(id, title);
    return { id, title };
  };
  const reportingWrite = (_: unknown, { id, title }: { id: string; title: string }, ctx: { requestId: string }) => {
    reported.set(ctx.requestId, `Book:${id}`);
    return retitle(id, title);
  };
  const fixture: SubgraphFixture = {
    name: "shelf",
    typeDefs: SHELF_SDL,
    resolvers: {
      Query: {
        books: async () => {
          const answer = list();
          const hold = held;
          held = null;
          hold?.reached();
          await hold?.released;
          return answer;
        },
        book: (_: unknown, { id }: { id: string }) => (books.has(id) ? { id, title: books.get(id) } : null),
        notes: () => [{ id: "n1" }],
      },
      Mutation: {
        retitle: reportingWrite,
        addBook: reportingWrite,
        // A write that does not report itself: what the cache cannot know about (bounded by max-age).
        retitleQuietly: (_: unknown, { id, title }: { id: string; title: string }) => retitle(id, title),
      },
    },
  };
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: parse(fixture.typeDefs), resolvers: fixture.resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  let requests = 0;
  const server: Server = createGraphQLHttpServer({
    apollo,
    logger: createLogger("shelf", { level: "silent" }),
    context: async ({ requestId }) => {
      requests += 1;
      return { requestId };
    },
    responseHeaders: ({ requestId }): Record<string, string> => {
      const tag = reported.get(requestId);
      reported.delete(requestId);
      return tag ? { [PUBLIC_DATA_CHANGES_HEADER]: tag } : {};
    },
  });
  const port = await listen(server, 0, "127.0.0.1");
  return {
    fixture,
    url: `http://127.0.0.1:${port}/graphql`,
    requests: () => requests,
    holdNextList() {
      let release!: () => void;
      let reached!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      held = { reached, released };
      return { reached: reachedPromise, release };
    },
    async close() {
      await closeServer(server, 1000);
      await apollo.stop();
    },
  };
}

const redisAnswers = await requireRedisInCi();

describe("the response cache in front of a subgraph's hints", () => {
  let shelf: Shelf;
  let dir: string;
  let supergraphPath: string;
  const gateways: Gateway[] = [];

  beforeAll(async () => {
    shelf = await startShelf();
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-response-cache-"));
    supergraphPath = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: shelf.fixture, url: shelf.url }]));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await shelf?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function startGateway(env: Record<string, string>): Promise<string> {
    const config = loadGatewayConfig({ PORT: "0", HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, ...env });
    const gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }), proofKey: null });
    gateways.push(gateway);
    return `http://127.0.0.1:${await gateway.start()}/graphql`;
  }

  async function post(url: string, query: string) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  }

  /** The answer, and how many requests the subgraph served meanwhile. */
  async function counted(url: string, query: string) {
    const before = shelf.requests();
    const body = await post(url, query);
    return { body, fetches: shelf.requests() - before };
  }

  const BOOKS = "{ books { id title } }";

  it("serves a hinted answer again without a fetch, and evicts it when the subgraph reports a write", async () => {
    const url = await startGateway({ RESPONSE_CACHE: "true" });
    expect((await counted(url, BOOKS)).fetches).toBe(1);
    const again = await counted(url, BOOKS);
    expect(again.fetches).toBe(0);
    expect(again.body).toEqual({
      data: {
        books: [
          { id: "b1", title: "Dune" },
          { id: "b2", title: "Emma" },
        ],
      },
    });
    await post(url, `mutation { retitle(id: "b1", title: "Dune Messiah") { id } }`);
    const after = await counted(url, BOOKS);
    expect(after.fetches).toBe(1);
    expect(after.body.data!.books).toContainEqual({ id: "b1", title: "Dune Messiah" });
  });

  it("keeps an unreported write unseen until the max-age (the bound for seeds and scripts)", async () => {
    const url = await startGateway({ RESPONSE_CACHE: "true" });
    const before = (await post(url, BOOKS)).data!.books;
    await post(url, `mutation { retitleQuietly(id: "b2", title: "Persuasion") { id } }`);
    expect((await post(url, BOOKS)).data!.books).toEqual(before);
  });

  it("never caches an answer with an unhinted part, nor with RESPONSE_CACHE=false", async () => {
    const url = await startGateway({ RESPONSE_CACHE: "true" });
    // A type without a hint has max-age 0: with it, even the hinted books are fetched every time.
    const mixed = "{ books { id } notes { id } }";
    await post(url, mixed);
    expect((await counted(url, mixed)).fetches).toBe(1);
    const off = await startGateway({ RESPONSE_CACHE: "false" });
    await post(off, BOOKS);
    expect((await counted(off, BOOKS)).fetches).toBe(1);
  });

  const ONE = (id: string) => `{ book(id: "${id}") { id title } }`;

  it("evicts only the answers that hold what a write changed, and the lists of its type", async () => {
    const url = await startGateway({ RESPONSE_CACHE: "true" });
    for (const query of [ONE("b1"), ONE("b2"), BOOKS]) await post(url, query);
    await post(url, `mutation { retitle(id: "b1", title: "Heretics of Dune") { id } }`);
    expect((await counted(url, ONE("b2"))).fetches).toBe(0);
    const one = await counted(url, ONE("b1"));
    expect(one.fetches).toBe(1);
    expect(one.body.data!.book).toEqual({ id: "b1", title: "Heretics of Dune" });
    expect((await counted(url, BOOKS)).fetches).toBe(1);
  });

  it("evicts the lists a new entity joins, and the answer that did not find it", async () => {
    const url = await startGateway({ RESPONSE_CACHE: "true" });
    expect((await post(url, ONE("b3"))).data!.book).toBeNull();
    await post(url, BOOKS);
    await post(url, `mutation { addBook(id: "b3", title: "Middlemarch") { id } }`);
    expect((await post(url, ONE("b3"))).data!.book).toEqual({ id: "b3", title: "Middlemarch" });
    expect((await post(url, BOOKS)).data!.books).toContainEqual({ id: "b3", title: "Middlemarch" });
  });

  const stores: [string, () => Record<string, string>, boolean][] = [
    ["in memory", () => ({}), true],
    [
      "in Redis",
      () => ({ REDIS_URL: TEST_REDIS_URL, RESPONSE_CACHE_REDIS_PREFIX: `portal-graph-test:${randomUUID()}:` }),
      redisAnswers,
    ],
  ];
  for (const [where, env, available] of stores) {
    it.skipIf(!available)(`does not keep an answer read before a write it outlived (${where})`, async () => {
      const url = await startGateway({ RESPONSE_CACHE: "true", ...env() });
      const hold = shelf.holdNextList();
      const slow = post(url, BOOKS);
      await hold.reached;
      // The titles are read; the write lands and is evicted before that answer reaches the cache.
      const title = `Sanditon ${where}`;
      await post(url, `mutation { retitle(id: "b2", title: "${title}") { id } }`);
      hold.release();
      expect((await slow).data!.books).not.toContainEqual({ id: "b2", title });
      const next = await counted(url, BOOKS);
      expect(next.fetches).toBe(1);
      expect(next.body.data!.books).toContainEqual({ id: "b2", title });
    });
  }

  it("answers every query from the subgraph, without an error, while Redis does not answer", async () => {
    // Nothing listens on port 1: the cache can read no generation, so it is not used, and nothing fails.
    const url = await startGateway({ RESPONSE_CACHE: "true", REDIS_URL: "redis://127.0.0.1:1" });
    for (let i = 0; i < 3; i++) {
      const { body, fetches } = await counted(url, BOOKS);
      expect(body.errors).toBeUndefined();
      expect(fetches).toBe(1);
    }
  });

  it.skipIf(!redisAnswers)("shares answers and evictions between gateways on one Redis", async () => {
    const env = {
      RESPONSE_CACHE: "true",
      REDIS_URL: TEST_REDIS_URL,
      RESPONSE_CACHE_REDIS_PREFIX: `portal-graph-test:${randomUUID()}:`,
    };
    const [a, b] = [await startGateway(env), await startGateway(env)];
    for (const query of [BOOKS, ONE("b1"), ONE("b2")]) await post(a, query);
    expect((await counted(b, BOOKS)).fetches).toBe(0);
    await post(a, `mutation { retitle(id: "b1", title: "Children of Dune") { id } }`);
    const after = await counted(b, BOOKS);
    expect(after.fetches).toBe(1);
    expect(after.body.data!.books).toContainEqual({ id: "b1", title: "Children of Dune" });
    expect((await counted(b, ONE("b1"))).fetches).toBe(1);
    expect((await counted(b, ONE("b2"))).fetches).toBe(0);
  });
});
