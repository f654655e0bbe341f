import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Server } from "node:http";
import { createTokenVerifier, loadAuthConfig } from "@portal-graph/auth";
import { startDevIssuer } from "@portal-graph/auth/dev-issuer";
import { createLogger } from "@portal-graph/http-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "./config.js";
import { createGateway, type Gateway } from "./server.js";
import {
  composeSupergraph,
  ratingsSubgraph,
  startSubgraph,
  thingsSubgraph,
  type RunningSubgraph,
} from "./testing/subgraphs.js";

const BOTH = "query Both { things { id name rating } }";

/** The value of one sample line in a Prometheus exposition, or undefined when the line is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the gateway's /metrics", () => {
  let dir: string;
  let things: RunningSubgraph;
  let ratings: RunningSubgraph;
  let issuer: { server: Server; issuer: string };
  const started: Gateway[] = [];
  const logs: { msg: string; port?: number; host?: string }[] = [];

  /** A gateway over things and thing-ratings, the ratings at `ratingsUrl`; resolves with its public base URL. */
  async function startGateway(env: NodeJS.ProcessEnv, ratingsUrl = ratings.url): Promise<string> {
    const supergraphPath = path.join(dir, `supergraph-${started.length}.graphql`);
    writeFileSync(
      supergraphPath,
      composeSupergraph([
        { fixture: thingsSubgraph(), url: things.url },
        { fixture: ratingsSubgraph(), url: ratingsUrl },
      ]),
    );
    const config = loadGatewayConfig({ PORT: "0", HOST: "127.0.0.1", SUPERGRAPH_PATH: supergraphPath, ...env });
    const logger = createLogger("gateway", {
      level: "info",
      destination: { write: (line: string) => void logs.push(JSON.parse(line) as (typeof logs)[number]) },
    });
    const verifier = createTokenVerifier(loadAuthConfig({ OIDC_ISSUER: issuer.issuer }));
    const gateway = createGateway(config, { logger, verifier });
    started.push(gateway);
    return `http://127.0.0.1:${await gateway.start()}`;
  }

  async function graphql(base: string, query: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { errors?: unknown[] } };
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gateway-metrics-"));
    things = await startSubgraph(thingsSubgraph());
    ratings = await startSubgraph(ratingsSubgraph());
    issuer = await startDevIssuer(path.join(dir, "keys"), 0);
  });

  afterAll(async () => {
    await Promise.all(started.map((gateway) => gateway.stop()));
    await Promise.all([things?.close(), ratings?.close()]);
    issuer?.server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("in development, serves Prometheus text on the public port: requests by operation and outcome", async () => {
    const base = await startGateway({ NODE_ENV: "development" });
    expect((await graphql(base, BOTH)).status).toBe(200);
    expect((await graphql(base, "{ things { id } }")).status).toBe(200);
    expect((await graphql(base, "{ things { nope } }")).status).toBe(400);
    expect((await graphql(base, BOTH, { authorization: "Bearer not.a.jwt" })).status).toBe(401);

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(sample(text, 'gateway_requests_total{operation="Both",outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_requests_total{operation="(anonymous)",outcome="ok"}')).toBe(1);
    // The invalid query and the refused token were both turned away before execution.
    expect(sample(text, 'gateway_requests_total{operation="(none)",outcome="refused"}')).toBe(2);
    expect(sample(text, 'gateway_request_duration_seconds_count{operation="Both",outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="things"}')).toBe(2);
    expect(sample(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="thing-ratings"}')).toBe(1);
    expect(text).toMatch(/^gateway_subgraph_fetch_duration_seconds_bucket\{le="\+Inf",subgraph="thing-ratings"\} 1$/m);
  });

  it("counts an answer with errors, and the failed fetch by subgraph and code", async () => {
    const base = await startGateway({ NODE_ENV: "development" }, "http://127.0.0.1:9/graphql");
    const { body } = await graphql(base, BOTH);
    expect(body.errors).toMatchObject([{ extensions: { code: "SUBGRAPH_UNAVAILABLE" } }]);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'gateway_requests_total{operation="Both",outcome="errors"}')).toBe(1);
    expect(
      sample(text, 'gateway_subgraph_fetch_errors_total{subgraph="thing-ratings",code="SUBGRAPH_UNAVAILABLE"}'),
    ).toBe(1);
    expect(text).not.toContain('gateway_subgraph_fetch_errors_total{subgraph="things"');
  });

  it("labels at most 200 distinct operation names; the rest share (other)", async () => {
    const base = await startGateway({ NODE_ENV: "development" });
    for (let i = 0; i < 203; i++) await graphql(base, `query Op${i} { things { id } }`);
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(sample(text, 'gateway_requests_total{operation="Op199",outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_requests_total{operation="Op200",outcome="ok"}')).toBeUndefined();
    expect(sample(text, 'gateway_requests_total{operation="(other)",outcome="ok"}')).toBe(3);
  });

  it("in production, keeps /metrics off the public port and serves it on METRICS_PORT, on loopback", async () => {
    const base = await startGateway({ NODE_ENV: "production", METRICS_PORT: "0" });
    expect((await graphql(base, BOTH)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);

    const line = logs.findLast((entry) => entry.msg === "metrics listening")!;
    expect(line.host).toBe("127.0.0.1");
    const metricsBase = `http://127.0.0.1:${line.port}`;
    const response = await fetch(`${metricsBase}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(sample(text, 'gateway_requests_total{operation="Both",outcome="ok"}')).toBe(1);
    expect(text).toMatch(/^gateway_supergraph_info\{hash="[0-9a-f]{64}"\} 1$/m);
    // The metrics listener serves nothing else: no GraphQL, no health, on that port.
    expect((await fetch(`${metricsBase}/graphql`)).status).toBe(404);
  });

  it("in production without METRICS_PORT, serves metrics nowhere", async () => {
    const before = logs.filter((entry) => entry.msg === "metrics listening").length;
    const base = await startGateway({ NODE_ENV: "production" });
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect(logs.filter((entry) => entry.msg === "metrics listening")).toHaveLength(before);
  });
});
