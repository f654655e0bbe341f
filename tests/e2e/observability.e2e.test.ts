import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root, startTestStack, type TestStack } from "../harness.js";
import { callSubgraph } from "../subgraph-client.js";

// One operation that needs two subgraphs: the application from catalog, its help desks from help-desks.
const QUERY = `query ApplicationDesks {
  application(acronym: "PECOS AI") { id name helpDesks { purpose helpDesk { id name } } }
}`;

interface Span {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
}

/** A real OTLP/HTTP (JSON) trace receiver on a free port: it keeps every span the processes export. */
async function startReceiver(): Promise<{ server: Server; endpoint: string; spans: Span[] }> {
  const spans: Span[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      if (req.url === "/v1/traces") spans.push(...spansOf(JSON.parse(body)));
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans };
}

interface KeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}

function spansOf(request: {
  resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { spans: Omit<Span, "service">[] }[] }[];
}): Span[] {
  const values = (attributes: KeyValue[] = []) =>
    Object.fromEntries(
      attributes.map(({ key, value }) => [key, value.stringValue ?? value.intValue ?? value.boolValue]),
    );
  return request.resourceSpans.flatMap(({ resource, scopeSpans }) =>
    scopeSpans.flatMap(({ spans }) =>
      spans.map((span) => ({
        ...span,
        attributes: values(span.attributes as unknown as KeyValue[]),
        service: String(values(resource.attributes)["service.name"]),
      })),
    ),
  );
}

/** Waits (up to a generous bound) until check() holds, re-reading what the processes sent meanwhile. */
async function eventually<T>(check: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const result = check();
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("metrics, traces and request ids across the real stack", () => {
  let stack: TestStack;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gatewayBase: string;

  async function run(requestId: string) {
    const response = await fetch(stack.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({ query: QUERY }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body;
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    stack = await startTestStack({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      OTEL_BSP_SCHEDULE_DELAY: "100",
      // Every statement is logged at trace level: the request-id check below sees the subgraphs' SQL lines too.
      LOG_LEVEL: "trace",
      // Every request here must reach the subgraphs (their spans, logs and fetch metrics): no response cache.
      RESPONSE_CACHE: "false",
    });
    gatewayBase = stack.gatewayUrl.replace(/\/graphql$/, "");
  });

  afterAll(async () => {
    await stack?.stop();
    receiver?.server.close();
  });

  it("traces one request through the gateway and both subgraphs under one trace id, SQL included", async () => {
    await run("trace-1");
    const gatewayRoot = await eventually(
      () =>
        receiver.spans.find(
          (span) => span.service === "portal-graph-gateway" && span.name === "gateway.request" && span.parentSpanId,
        ),
      "the gateway's request span",
    );
    const { traceId } = gatewayRoot;
    const trace = await eventually(() => {
      const spans = receiver.spans.filter((span) => span.traceId === traceId);
      const sql = (service: string) =>
        spans.some((span) => span.service === service && typeof span.attributes["db.query.text"] === "string");
      return sql("portal-graph-catalog") && sql("portal-graph-help-desks") ? spans : undefined;
    }, "SQL spans from catalog and help-desks in the gateway's trace");

    const names = (service: string) => new Set(trace.filter((span) => span.service === service).map((s) => s.name));
    expect([...names("portal-graph-gateway")]).toEqual(
      expect.arrayContaining(["gateway.request", "gateway.plan", "gateway.execute", "gateway.fetch"]),
    );
    // Each subgraph's server span is the child of the gateway's fetch (client) span: traceparent went with the fetch.
    for (const service of ["portal-graph-catalog", "portal-graph-help-desks"]) {
      const server = trace.find((span) => span.service === service && span.kind === 2)!;
      expect(server.attributes["url.path"]).toBe("/graphql");
      const client = trace.find((span) => span.spanId === server.parentSpanId)!;
      expect(client).toMatchObject({ service: "portal-graph-gateway", kind: 3 });
      const sql = trace.find((span) => span.service === service && span.attributes["db.query.text"])!;
      expect(sql).toMatchObject({ name: "SELECT", attributes: { "db.system.name": "sqlite" } });
    }
    // Probes and scrapes are not traced.
    expect(receiver.spans.filter((span) => String(span.attributes["url.path"]).match(/^\/(ready|health)/))).toEqual([]);
  });

  it("puts the request id on every line the request makes the gateway and both subgraphs write", async () => {
    const from = stack.lines.length;
    await run("logs-1");
    // The gateway's own "request" line is written after its response; wait for it before reading.
    await eventually(
      () =>
        stack.lines.slice(from).some((entry) => entry.name === "gateway" && entry.line.includes('"msg":"request"'))
          ? true
          : undefined,
      "the gateway's request line",
    );
    const written = stack.lines.slice(from).map(({ name, line }) => ({ name, ...JSON.parse(line) }));
    expect(new Set(written.map((line) => line.name))).toEqual(new Set(["gateway", "catalog", "help-desks"]));
    expect(written.filter((line) => line.msg === "sql").length).toBeGreaterThanOrEqual(2);
    expect(written.filter((line) => line.requestId !== "logs-1")).toEqual([]);
  });

  it("shows requests, per-subgraph fetch histograms, plan-cache hits and the supergraph hash at /metrics", async () => {
    await run("metrics-1");
    await run("metrics-2");
    const response = await fetch(`${gatewayBase}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const value = (series: string) => Number(text.match(new RegExp(`^${escape(series)} (\\S+)$`, "m"))?.[1]);
    expect(value('gateway_requests_total{operation="ApplicationDesks",outcome="ok"}')).toBeGreaterThanOrEqual(2);
    for (const subgraph of ["catalog", "help-desks"]) {
      expect(text).toMatch(
        new RegExp(`^gateway_subgraph_fetch_duration_seconds_bucket\\{le="0\\.1",subgraph="${subgraph}"\\} \\d+$`, "m"),
      );
      expect(value(`gateway_subgraph_fetch_duration_seconds_count{subgraph="${subgraph}"}`)).toBeGreaterThanOrEqual(2);
    }
    expect(text).not.toContain('subgraph_fetch_duration_seconds_count{subgraph="access-roles"}');
    // The same operation again is planned once: every run after the first is a hit.
    expect(value("gateway_query_plan_cache_hits_total")).toBeGreaterThanOrEqual(1);
    expect(value("gateway_query_plan_cache_misses_total")).toBeGreaterThanOrEqual(1);
    const served = readFileSync(path.join(root, "schema", "supergraph.graphql"), "utf8");
    expect(value(`gateway_supergraph_info{hash="${createHash("sha256").update(served).digest("hex")}"}`)).toBe(1);
  });

  it("keeps each subgraph's JSON /metrics for plain clients and answers Prometheus text to a scraper", async () => {
    // A subgraph's /metrics answers only callers with a proof (docs/adr/0003): here the test harness's.
    const json = (await callSubgraph(stack, "catalog", { path: "/metrics" })).body as Record<string, unknown>;
    expect(json).toEqual({ subgraph: "catalog", requests: expect.any(Number), sqlStatements: expect.any(Number) });
    const scraped = await callSubgraph(stack, "catalog", {
      path: "/metrics",
      headers: { accept: "application/openmetrics-text;version=1.0.0;q=0.5,text/plain;version=0.0.4;q=0.4,*/*;q=0.1" },
    });
    expect(scraped.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = scraped.text;
    expect(text).toMatch(new RegExp(`^subgraph_requests_total\\{subgraph="catalog"\\} ${json.requests}$`, "m"));
    expect(text).toMatch(/^subgraph_sql_statements_total\{subgraph="catalog"\} \d+$/m);
    expect(text).toContain("# TYPE process_resident_memory_bytes gauge");
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
