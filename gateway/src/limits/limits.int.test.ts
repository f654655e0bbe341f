import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@portal-graph/http-kit";
import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../config.js";
import { createGateway, type Gateway } from "../server.js";
import { composeSupergraph, startSubgraph, type RunningSubgraph, type SubgraphFixture } from "../testing/subgraphs.js";

const LINK = (version: string, imports: string) =>
  `extend schema @link(url: "https://specs.apollo.dev/federation/${version}", import: [${imports}])`;

const ITEMS = Array.from({ length: 30 }, (_, i) => ({ id: `i${i}`, name: `item ${i}` }));

// Items nest (parent, children) so depth can grow; their stock lives in another subgraph, so it is an entity fetch.
const items: SubgraphFixture = {
  name: "items",
  typeDefs: `${LINK("v2.9", `"@key", "@listSize", "@cost"`)}
    type Query {
      items(first: Int): [Item!]!
      item(id: ID!): Item
      audit: Report @cost(weight: 40)
    }
    type Report { lines: [String!]! }
    type Item @key(fields: "id") {
      id: ID!
      name: String!
      parent: Item
      children: [Item!]! @listSize(assumedSize: 2)
    }`,
  resolvers: {
    Query: {
      items: (_: unknown, { first }: { first?: number }) => ITEMS.slice(0, first ?? 20),
      item: (_: unknown, { id }: { id: string }) => ITEMS.find((item) => item.id === id) ?? null,
      audit: () => ({ lines: ["ok"] }),
    },
    Item: {
      parent: () => ITEMS[0],
      children: () => ITEMS.slice(0, 2),
      __resolveReference: (ref: { id: string }) => ITEMS.find((item) => item.id === ref.id),
    },
  },
};

const stock: SubgraphFixture = {
  name: "item-stock",
  typeDefs: `${LINK("v2.3", `"@key"`)}
    type Item @key(fields: "id") { id: ID! stock: Int! }`,
  resolvers: { Item: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, stock: 3 }) } },
};

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
}

describe("operation limits through the gateway", () => {
  let dir: string;
  let supergraphPath: string;
  let subgraphs: RunningSubgraph[];
  const gateways: Gateway[] = [];

  async function startGateway(env: Record<string, string>): Promise<string> {
    const config = loadGatewayConfig({ PORT: "0", HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, ...env });
    const gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }) });
    gateways.push(gateway);
    return `http://127.0.0.1:${await gateway.start()}/graphql`;
  }

  async function post(
    url: string,
    query: string,
    headers: Record<string, string> = {},
    operationName?: string,
  ): Promise<Answer> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, operationName }),
    });
    return { status: response.status, body: (await response.json()) as Answer["body"] };
  }

  const fetches = () => subgraphs.reduce((sum, subgraph) => sum + subgraph.seen.length, 0);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-limits-"));
    supergraphPath = path.join(dir, "supergraph.graphql");
    subgraphs = await Promise.all([startSubgraph(items), startSubgraph(stock)]);
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { fixture: items, url: subgraphs[0]!.url },
        { fixture: stock, url: subgraphs[1]!.url },
      ]),
    );
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await Promise.all(subgraphs.map((subgraph) => subgraph.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe("each limit, just under and just over", () => {
    let url: string;
    beforeAll(async () => {
      url = await startGateway({
        MAX_DEPTH: "3",
        MAX_ALIASES: "2",
        MAX_ROOT_FIELDS: "3",
        MAX_DIRECTIVES: "1",
        MAX_TOKENS: "40",
        MAX_COST: "66",
      });
    });

    // [limit, max, just under (at the limit), just over, the over query's actual value]
    const cases: [string, number, string, string, number][] = [
      ["depth", 3, '{ item(id: "i1") { parent { id } } }', '{ item(id: "i1") { parent { parent { id } } } }', 4],
      [
        "aliases",
        2,
        '{ a: item(id: "i1") { id } b: item(id: "i2") { id } }',
        '{ a: item(id: "i1") { x: id y: name } }',
        3,
      ],
      [
        "rootFields",
        3,
        '{ a: item(id: "i1") { id } __typename b: item(id: "i2") { id } }',
        '{ __typename a: item(id: "i1") { id } b: item(id: "i2") { id } item(id: "i3") { id } }',
        4,
      ],
      [
        "directives",
        1,
        '{ item(id: "i1") { id @include(if: true) } }',
        '{ item(id: "i1") { id @include(if: true) @skip(if: false) } }',
        2,
      ],
      ["tokens", 40, `{ item(id: "i1") { ${"id ".repeat(30)}} }`, `{ item(id: "i1") { ${"id ".repeat(31)}} }`, 41],
      // 11 items, each 1 + its stock (an entity fetch, 5): 66; one more item is 72.
      ["cost", 66, "{ items(first: 11) { id stock } }", "{ items(first: 12) { id stock } }", 72],
    ];

    it.each(cases)(
      "%s: at the limit answers, one over is refused before any fetch",
      async (limit, max, under, over, actual) => {
        const accepted = await post(url, under);
        expect(accepted.body.errors).toBeUndefined();
        expect(accepted.status).toBe(200);
        expect(accepted.body.errors).toBeUndefined();
        const before = fetches();
        const refused = await post(url, over);
        expect(refused.status).toBe(400);
        expect(refused.body.data).toBeUndefined();
        expect(refused.body.errors).toHaveLength(1);
        expect(refused.body.errors![0]!.extensions).toEqual({ code: "OPERATION_LIMIT_EXCEEDED", limit, max, actual });
        expect(refused.body.errors![0]!.message).toContain(`limit "${limit}"`);
        expect(fetches()).toBe(before);
      },
    );

    it("refuses a structural limit before validation: an over-limit document is refused even where it is invalid", async () => {
      // Three aliases of a field the schema does not have: validation would say GRAPHQL_VALIDATION_FAILED.
      const refused = await post(url, "{ a: nothing b: nothing c: nothing }");
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({
          extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit: "aliases", max: 2, actual: 3 },
        }),
      ]);
      const metrics = await (await fetch(url.replace(/\/graphql$/, "/metrics"))).text();
      expect(metrics).toMatch(/^gateway_operation_refusals_total\{limit="aliases"\} [1-9]/m);
      // Under the limits, the same mistake is still validation's to answer.
      const invalid = await post(url, "{ a: nothing }");
      expect(invalid.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });

    it("measures the operation the request names, in a GET as in a POST", async () => {
      const document = "query Small { items { id } } query Wide { a: items { id } b: items { id } c: items { id } }";
      const small = await post(url, document, {}, "Small");
      expect(small.body.errors).toBeUndefined();
      const wide = await fetch(`${url}?${new URLSearchParams({ query: document, operationName: "Wide" })}`, {
        headers: { "apollo-require-preflight": "true" },
      });
      expect(wide.status).toBe(400);
      expect(((await wide.json()) as Answer["body"]).errors?.[0]?.extensions).toMatchObject({ limit: "aliases" });
    });

    it("prices the subgraph's @cost and @listSize declarations", async () => {
      // audit: @cost(weight: 40); each item's children: @listSize(assumedSize: 2), 1 + 2 x 1 each.
      const accepted = await post(url, "{ audit { lines } items(first: 8) { children { id } } }");
      expect(accepted.status).toBe(200);
      const refused = await post(url, "{ audit { lines } items(first: 9) { children { id } } }");
      expect(refused.body.errors![0]!.extensions).toMatchObject({ limit: "cost", actual: 40 + 9 * 3 });
    });

    it("tells the estimate of an accepted operation when the request asks for it, and only then", async () => {
      const asked = await post(url, "{ items(first: 3) { id stock } }", { "x-graph-cost": "true" });
      expect(asked.body.extensions).toEqual({ cost: { estimated: 18, max: 66 } });
      const unasked = await post(url, "{ items(first: 3) { id stock } }");
      expect(unasked.body.extensions).toBeUndefined();
    });
  });

  describe("introspection", () => {
    const queries = {
      "graphql-js getIntrospectionQuery()": getIntrospectionQuery(),
      // `oneOf` is left out: @apollo/gateway 2.14 answers __Type.isOneOf with a 500 INVALID_GRAPHQL of its own.
      "GraphiQL's and codegen's (every other option on)": getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    };

    it.each(Object.entries(queries))(
      "passes the default limits where introspection is on: %s",
      async (_name, query) => {
        const url = await startGateway({ INTROSPECTION: "true" });
        const { status, body } = await post(url, query);
        expect(body.errors).toBeUndefined();
        expect(status).toBe(200);
        expect((body.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(5);
      },
    );

    it("answers the gateway's own unexpected failure as INTERNAL with the request id, and nothing of its cause", async () => {
      // @apollo/gateway 2.14 fails on __Type.isOneOf with an error of its own (INVALID_GRAPHQL, HTTP 500).
      const url = await startGateway({ INTROSPECTION: "true" });
      const { body } = await post(url, getIntrospectionQuery({ oneOf: true }), { "x-request-id": "oneof-1" });
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: "Internal server error",
          extensions: { code: "INTERNAL", requestId: "oneof-1" },
        }),
      ]);
    });

    it("stays refused where introspection is off", async () => {
      const url = await startGateway({ INTROSPECTION: "false" });
      const { status, body } = await post(url, getIntrospectionQuery());
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    });
  });
});
