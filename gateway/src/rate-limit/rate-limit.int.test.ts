import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import { createTokenVerifier, loadAuthConfig } from "@portal-graph/auth";
import { mintDevToken, startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { createLogger } from "@portal-graph/http-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../config.js";
import { createGateway, type Gateway } from "../server.js";
import { composeSupergraph, startSubgraph, thingsSubgraph, type RunningSubgraph } from "../testing/subgraphs.js";
import { requireRedisInCi, TEST_REDIS_URL } from "../testing/redis.js";

// With CI=true the Redis half is required, as PostgreSQL is for the database tests.
const redis = await requireRedisInCi();

// One object: cost 1. A list of unknown length is priced at 20 items: cost 20.
const CHEAP = `{ thing(id: "t1") { id } }`;
const DEAR = "{ things { id } }";

describe.each([
  ["in memory", false],
  ["in Redis", true],
])("rate limits %s", (_where, useRedis) => {
  let dir: string;
  let things: RunningSubgraph;
  let issuer: { server: Server; issuer: string };
  const gateways: Gateway[] = [];
  const urls: string[] = [];

  async function post(url: string, headers: Record<string, string> = {}, query = CHEAP) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body };
  }

  const from = (address: string) => ({ "x-forwarded-for": address });
  const bearer = async (user: string) => ({
    authorization: `Bearer ${await mintDevToken(path.join(dir, "keys"), issuer.issuer, { user })}`,
  });

  beforeAll(async () => {
    if (useRedis && !redis) return;
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-rate-"));
    things = await startSubgraph(thingsSubgraph());
    const supergraphPath = path.join(dir, "supergraph.graphql");
    writeFileSync(supergraphPath, composeSupergraph([{ fixture: thingsSubgraph(), url: things.url }]));
    issuer = await startDevIssuer(path.join(dir, "keys"), 0);
    const verifier = createTokenVerifier(loadAuthConfig({ OIDC_ISSUER: issuer.issuer }));
    // Two replicas: in Redis they share one budget per client, in memory each keeps its own.
    const prefix = `portal-graph-test:${randomUUID()}:`;
    for (let replica = 0; replica < 2; replica++) {
      const config = loadGatewayConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        SUPERGRAPH_PATH: supergraphPath,
        RATE_LIMIT: "true",
        RATE_LIMIT_WINDOW_SECONDS: "60",
        RATE_LIMIT_REQUESTS: "3",
        RATE_LIMIT_COST: "50",
        TRUSTED_PROXIES: "127.0.0.1",
        ...(useRedis ? { REDIS_URL: TEST_REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix } : {}),
      });
      const gateway = createGateway(config, { logger: createLogger("gateway", { level: "silent" }), verifier });
      gateways.push(gateway);
      urls.push(`http://127.0.0.1:${await gateway.start()}/graphql`);
    }
  });

  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await things?.close();
    issuer?.server.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(useRedis && !redis)(
    "answers a client over its request budget 429 with Retry-After; another client is unaffected",
    async () => {
      const url = urls[0]!;
      for (let i = 0; i < 3; i++) expect((await post(url, from("198.51.100.1"))).status).toBe(200);
      const refused = await post(url, from("198.51.100.1"));
      expect(refused.status).toBe(429);
      expect(refused.body.errors).toHaveLength(1);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", budget: "requests" });
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
      expect((await post(url, from("198.51.100.2"))).status).toBe(200);
    },
  );

  it.skipIf(useRedis && !redis)(
    "counts a signed-in caller by its subject, whatever address it comes from",
    async () => {
      const url = urls[0]!;
      const alice = await bearer("alice");
      for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
        expect((await post(url, { ...alice, ...from(address) })).status).toBe(200);
      }
      expect((await post(url, { ...alice, ...from("203.0.113.4") })).status).toBe(429);
      expect((await post(url, { ...(await bearer("bob")), ...from("203.0.113.1") })).status).toBe(200);
    },
  );

  it.skipIf(useRedis && !redis)("spends each operation's estimated cost from the cost budget", async () => {
    const carol = await bearer("carol");
    expect((await post(urls[0]!, carol, DEAR)).status).toBe(200);
    expect((await post(urls[0]!, carol, DEAR)).status).toBe(200);
    const refused = await post(urls[0]!, carol, DEAR);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: "RATE_LIMITED", budget: "cost" });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await post(urls[0]!, await bearer("erin"), DEAR)).status).toBe(200);
  });

  it.skipIf(useRedis && !redis)("believes X-Forwarded-For only from a trusted proxy", async () => {
    // urls[0] trusts 127.0.0.1, the test's own address: each forwarded address is a client of its own (above).
    // A forwarded address that is itself a trusted proxy is skipped, so the client is the one before it.
    const via = (client: string) => from(`${client}, 127.0.0.1`);
    for (let i = 0; i < 3; i++) expect((await post(urls[0]!, via("192.0.2.50"))).status).toBe(200);
    expect((await post(urls[0]!, from("192.0.2.50"))).status).toBe(429);
  });

  it.skipIf(useRedis && !redis)(
    useRedis ? "shares one budget across gateway replicas" : "keeps a budget per replica",
    async () => {
      const dave = await bearer("dave");
      for (let i = 0; i < 3; i++) expect((await post(urls[0]!, dave)).status).toBe(200);
      expect((await post(urls[1]!, dave)).status).toBe(useRedis ? 429 : 200);
    },
  );
});
