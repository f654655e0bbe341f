import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import { createTokenVerifier, loadAuthConfig } from "@portal-graph/auth";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { createLogger } from "@portal-graph/http-kit";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway, type SubgraphHealthReport } from "./server.js";
import {
  composeSupergraph,
  ratingsSubgraph,
  replaceFile,
  startSubgraph,
  thingsSubgraph,
  type RunningSubgraph,
} from "./testing/subgraphs.js";

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

const BOTH = "{ things { id name rating } }";
const EXPECTED_BOTH = {
  things: [
    { id: "t1", name: "Anvil", rating: 5 },
    { id: "t2", name: "Bellows", rating: 3 },
  ],
};

describe("the gateway in front of two real subgraphs", () => {
  let dir: string;
  let supergraphPath: string;
  let things: RunningSubgraph;
  let ratings: RunningSubgraph;
  let gateway: Gateway;
  let base: string;
  let issuer: { server: Server; issuer: string };
  const logs: { level: number; msg: string; reason?: string; requestId?: string }[] = [];

  async function graphql(query: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-int-"));
    supergraphPath = path.join(dir, "supergraph.graphql");
    things = await startSubgraph(thingsSubgraph());
    ratings = await startSubgraph(ratingsSubgraph());
    // The supergraph routes thing-ratings to a dead port: only the SUBGRAPH_THING_RATINGS_URL override reaches it.
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { fixture: thingsSubgraph(), url: things.url },
        { fixture: ratingsSubgraph(), url: "http://127.0.0.1:9/graphql" },
      ]),
    );
    const config = loadGatewayConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      SUPERGRAPH_PATH: supergraphPath,
      SUPERGRAPH_POLL_MS: "50",
      SUBGRAPH_THING_RATINGS_URL: ratings.url,
      PASSTHROUGH_ROUTES: "/export/things.csv=things",
    });
    const logger = createLogger("gateway", {
      level: "info",
      destination: { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
    });
    issuer = await startDevIssuer(path.join(dir, "keys"), 0);
    const verifier = createTokenVerifier(loadAuthConfig({ OIDC_ISSUER: issuer.issuer }));
    gateway = createGateway(config, { logger, verifier });
    base = `http://127.0.0.1:${await gateway.start()}`;
  });

  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([things?.close(), ratings?.close()]);
    issuer?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a query that needs both subgraphs", async () => {
    const { status, body } = await graphql(BOTH);
    expect(status).toBe(200);
    expect(body).toEqual({ data: EXPECTED_BOTH });
  });

  it("forwards the caller's authorization and request id to every subgraph", async () => {
    things.seen.length = 0;
    ratings.seen.length = 0;
    const token = await mintDevToken(path.join(dir, "keys"), issuer.issuer, { user: "alice" });
    const { headers } = await graphql(BOTH, { authorization: `Bearer ${token}`, "x-request-id": "req-abc-123" });
    expect(headers.get("x-request-id")).toBe("req-abc-123");
    for (const subgraph of [things, ratings]) {
      expect(subgraph.seen).toEqual([{ authorization: `Bearer ${token}`, requestId: "req-abc-123" }]);
    }
  });

  it("streams a passthrough route from its subgraph with the caller's token, and refuses a bad token", async () => {
    const token = await mintDevToken(path.join(dir, "keys"), issuer.issuer, { user: "frank" });
    const response = await fetch(`${base}/export/things.csv`, {
      headers: { authorization: `Bearer ${token}`, "x-request-id": "csv-1" },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lines = (await response.text()).trim().split("\n");
    expect(lines).toHaveLength(1002);
    expect(lines.at(-1)).toBe(`# Bearer ${token} csv-1`);
    const refused = await fetch(`${base}/export/things.csv`, { headers: { authorization: "Bearer not.a.jwt" } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });
  });

  it("refuses a bad token with 401 before calling any subgraph", async () => {
    things.seen.length = 0;
    const { status, body } = await graphql(BOTH, { authorization: "Bearer not.a.jwt" });
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({
      message: "The bearer token is malformed",
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(things.seen).toEqual([]);
  });

  it("gives each operation its own request id when the caller sends none", async () => {
    things.seen.length = 0;
    const { headers } = await graphql("{ things { id } }");
    expect(things.seen).toEqual([{ authorization: undefined, requestId: headers.get("x-request-id") }]);
  });

  it("keeps connections to the subgraphs alive between operations", async () => {
    await graphql(BOTH);
    const before = [things.connections(), ratings.connections()];
    for (let i = 0; i < 10; i++) expect((await graphql(BOTH)).body.data).toEqual(EXPECTED_BOTH);
    // Without keep-alive each of the ten operations would open a new connection to each subgraph.
    expect(things.connections() - before[0]!).toBeLessThanOrEqual(1);
    expect(ratings.connections() - before[1]!).toBeLessThanOrEqual(1);
  });

  it("answers /health, /ready and /health/subgraphs", async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, supergraphLoaded: true, draining: false });
    const subgraphs = await fetch(`${base}/health/subgraphs`);
    expect(subgraphs.status).toBe(200);
    const closed = { state: "closed", consecutiveFailures: 0, lastError: null, lastErrorAt: null };
    expect(await subgraphs.json()).toEqual({
      healthy: true,
      subgraphs: {
        things: { reachable: true, status: 200, latencyMs: expect.any(Number), circuit: closed },
        "thing-ratings": { reachable: true, status: 200, latencyMs: expect.any(Number), circuit: closed },
      },
      // Served from the file: no registry version.
      supergraphVersion: null,
    });
  });

  describe("bad input", () => {
    it("refuses malformed JSON with 400 and a clear message", async () => {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"query": "{ things { id } }"',
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors?.[0]?.message).toBe("Request body is not valid JSON");
    });

    it("refuses a body over the limit with 413", async () => {
      const response = await fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ things { id } } # ${"x".repeat(1024 * 1024)}` }),
      });
      expect(response.status).toBe(413);
      const body = (await response.json()) as GraphQLBody;
      expect(body.errors?.[0]?.message).toContain("larger than the limit of 262144 bytes");
    });

    it.each([
      ["an unknown argument", '{ thing(id: "t1", colour: RED) { id } }', "colour"],
      ["a wrong type", "{ thing(id: { a: 1 }) { id } }", "ID"],
      ["an unknown field", "{ things { colour } }", "colour"],
    ])("answers %s with a validation error", async (_name, query, mentions) => {
      const { status, body } = await graphql(query);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors?.[0]?.message).toContain(mentions);
      expect(JSON.stringify(body)).not.toContain("stacktrace");
    });

    it("refuses a document of more than 10000 tokens before planning it", async () => {
      const { status, body } = await graphql(`{ ${"__typename ".repeat(10_001)}}`);
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0]?.extensions).toEqual({
        code: "OPERATION_LIMIT_EXCEEDED",
        limit: "tokens",
        max: 10_000,
        actual: 10_003,
      });
      expect(body.errors?.[0]?.message).not.toContain("Syntax Error");
    });

    it("refuses a GET query without a preflight header (CSRF prevention)", async () => {
      const response = await fetch(`${base}/graphql?query=${encodeURIComponent("{ things { id } }")}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain("CSRF");
    });

    it("still answers after all of it", async () => {
      expect((await graphql(BOTH)).body).toEqual({ data: EXPECTED_BOTH });
    });
  });

  describe("supergraph hot reload", () => {
    it("serves a new supergraph written over the file, without a restart", async () => {
      const before = await graphql("{ things { stars } }");
      expect(before.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      // The running ratings subgraph already resolves stars; the supergraph is what grows.
      await ratings.close();
      ratings = await startSubgraph(ratingsSubgraph(true), ratings.port);
      replaceFile(
        supergraphPath,
        composeSupergraph([
          { fixture: thingsSubgraph(), url: things.url },
          { fixture: ratingsSubgraph(true), url: "http://127.0.0.1:9/graphql" },
        ]),
      );
      await vi.waitFor(
        async () => {
          expect((await graphql("{ things { id stars } }")).body).toEqual({
            data: {
              things: [
                { id: "t1", stars: "*****" },
                { id: "t2", stars: "***" },
              ],
            },
          });
        },
        { timeout: 10_000, interval: 50 },
      );
      expect(logs.some((line) => line.msg === "supergraph reloaded")).toBe(true);
    });

    it("logs a supergraph that fails to load and keeps serving the old one", async () => {
      writeFileSync(supergraphPath, "this is not a supergraph {");
      await vi.waitFor(() => expect(logs.find((line) => line.msg.includes("reload failed"))).toBeDefined(), {
        timeout: 10_000,
        interval: 50,
      });
      const failure = logs.find((line) => line.msg.includes("reload failed"))!;
      expect(failure.level).toBe(50);
      expect(failure.reason).toContain("Syntax Error");
      expect((await graphql("{ things { id stars } }")).body.data).toEqual({
        things: [
          { id: "t1", stars: "*****" },
          { id: "t2", stars: "***" },
        ],
      });
      expect((await fetch(`${base}/ready`)).status).toBe(200);
    });
  });

  it("keeps serving while the supergraph file is missing", async () => {
    rmSync(supergraphPath);
    await vi.waitFor(() => expect(logs.some((line) => line.msg.startsWith("supergraph file is gone"))).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
    expect((await graphql("{ things { stars } }")).body.data).toEqual({
      things: [{ stars: "*****" }, { stars: "***" }],
    });
  });

  describe("a subgraph that goes down", () => {
    it("answers the other subgraph's data with an error on the missing field, stays ready, and recovers", async () => {
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const port = ratings.port;
      await ratings.close();

      const down = await graphql(BOTH, { "x-request-id": "req-down-1" });
      expect(down.status).toBe(200);
      expect(down.body).toEqual({
        data: {
          things: [
            { id: "t1", name: "Anvil", rating: null },
            { id: "t2", name: "Bellows", rating: null },
          ],
        },
        errors: [
          {
            message: 'Subgraph "thing-ratings" is unavailable; try again shortly',
            path: ["things", 0, "rating"],
            extensions: {
              code: "SUBGRAPH_UNAVAILABLE",
              subgraph: "thing-ratings",
              serviceName: "thing-ratings",
              reason: "CONNECTION",
            },
          },
        ],
      });
      expect(JSON.stringify(down.body)).not.toMatch(/stacktrace|127\.0\.0\.1|ECONNREFUSED/);
      expect(logs).toContainEqual(
        expect.objectContaining({
          msg: "subgraph unavailable",
          requestId: "req-down-1",
          reason: "CONNECTION",
          detail: "ECONNREFUSED",
        }),
      );

      // One subgraph down leaves the gateway ready; /health/subgraphs says which one.
      expect((await fetch(`${base}/ready`)).status).toBe(200);
      const health = (await (await fetch(`${base}/health/subgraphs`)).json()) as SubgraphHealthReport;
      expect(health.healthy).toBe(false);
      expect(health.subgraphs.things).toMatchObject({ reachable: true, status: 200, circuit: { state: "closed" } });
      expect(health.subgraphs["thing-ratings"]).toMatchObject({
        reachable: false,
        error: "ECONNREFUSED",
        circuit: { consecutiveFailures: 1, lastError: "ECONNREFUSED" },
      });
      // The subgraph that is still up keeps answering what it owns.
      expect((await graphql("{ things { id name } }")).body.errors).toBeUndefined();
      expect((await fetch(`${base}/health`)).status).toBe(200);

      ratings = await startSubgraph(ratingsSubgraph(true), port);
      expect(((await (await fetch(`${base}/health/subgraphs`)).json()) as SubgraphHealthReport).healthy).toBe(true);
      expect((await graphql(BOTH)).body).toEqual({ data: EXPECTED_BOTH });
    });
  });
});
