import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGatewayMetrics } from "./metrics.js";
import { countingPlanCache } from "./plan-cache.js";

/** The value of one sample line in a Prometheus exposition, or undefined when the line is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the gateway's metrics", () => {
  it("reports each subgraph's circuit state as 0 closed, 1 half-open, 2 open", async () => {
    const metrics = createGatewayMetrics();
    metrics.setCircuitState("catalog", "closed");
    metrics.setCircuitState("help-desks", "open");
    metrics.setCircuitState("access-roles", "half-open");
    let text = await metrics.exposition();
    expect(text).toContain("# TYPE gateway_subgraph_circuit_state gauge");
    expect(sample(text, 'gateway_subgraph_circuit_state{subgraph="catalog"}')).toBe(0);
    expect(sample(text, 'gateway_subgraph_circuit_state{subgraph="help-desks"}')).toBe(2);
    expect(sample(text, 'gateway_subgraph_circuit_state{subgraph="access-roles"}')).toBe(1);

    metrics.setCircuitState("help-desks", "closed");
    text = await metrics.exposition();
    expect(sample(text, 'gateway_subgraph_circuit_state{subgraph="help-desks"}')).toBe(0);
  });

  it("counts refusals by limit and refuses a label that is not a limit's name", async () => {
    const metrics = createGatewayMetrics();
    metrics.countRefusal("depth");
    metrics.countRefusal("depth");
    metrics.countRefusal("cost");
    const text = await metrics.exposition();
    expect(sample(text, 'gateway_operation_refusals_total{limit="depth"}')).toBe(2);
    expect(sample(text, 'gateway_operation_refusals_total{limit="cost"}')).toBe(1);
    expect(() => metrics.countRefusal('depth"} 1\nfake')).toThrow(/countRefusal: limit must be a name/);
  });

  it("serves one supergraph hash at a time, the sha256 of the SDL", async () => {
    const metrics = createGatewayMetrics();
    const sha = (sdl: string) => createHash("sha256").update(sdl).digest("hex");
    metrics.setSupergraph("schema { query: Query } type Query { a: Int }");
    metrics.setSupergraph("schema { query: Query } type Query { b: Int }");
    const lines = (await metrics.exposition()).split("\n").filter((line) => line.startsWith("gateway_supergraph_info"));
    expect(lines).toEqual([
      `gateway_supergraph_info{hash="${sha("schema { query: Query } type Query { b: Int }")}"} 1`,
    ]);
  });

  it("times fetches per subgraph and counts each distinct error code once per fetch", async () => {
    const metrics = createGatewayMetrics();
    const errors = [{ extensions: { code: "FORBIDDEN" } }, { extensions: { code: "FORBIDDEN" } }, {}];
    await metrics.timeFetch("catalog", async () => ({ data: {} }));
    await metrics.timeFetch("catalog", async () => ({ errors }));
    const unavailable = Object.assign(new Error("down"), { extensions: { code: "SUBGRAPH_UNAVAILABLE" } });
    await expect(metrics.timeFetch("help-desks", () => Promise.reject(unavailable))).rejects.toBe(unavailable);
    const text = await metrics.exposition();
    expect(sample(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="catalog"}')).toBe(2);
    expect(sample(text, 'gateway_subgraph_fetch_duration_seconds_count{subgraph="help-desks"}')).toBe(1);
    expect(sample(text, 'gateway_subgraph_fetch_errors_total{subgraph="catalog",code="FORBIDDEN"}')).toBe(1);
    expect(sample(text, 'gateway_subgraph_fetch_errors_total{subgraph="catalog",code="OTHER"}')).toBe(1);
    expect(sample(text, 'gateway_subgraph_fetch_errors_total{subgraph="help-desks",code="SUBGRAPH_UNAVAILABLE"}')).toBe(
      1,
    );
  });

  it("adds Node's process metrics at the first scrape", async () => {
    const text = await createGatewayMetrics().exposition();
    expect(text).toContain("# TYPE process_resident_memory_bytes gauge");
    expect(text).toContain("# TYPE nodejs_eventloop_lag_seconds gauge");
  });
});

describe("the counting plan cache", () => {
  it("tells a hit from a miss, and forgets everything on clear (a new supergraph)", async () => {
    const lookups: boolean[] = [];
    const cache = countingPlanCache<{ plan: string }>((hit) => lookups.push(hit));
    expect(await cache.get("q1")).toBeUndefined();
    await cache.set("q1", { plan: "fetch catalog" });
    expect(await cache.get("q1")).toEqual({ plan: "fetch catalog" });
    cache.clear();
    expect(await cache.get("q1")).toBeUndefined();
    expect(lookups).toEqual([false, true, false]);
  });

  it("evicts the least recently used plans past its size in bytes", async () => {
    const cache = countingPlanCache<string>(() => {}, 64);
    await cache.set("a", "x".repeat(40));
    await cache.set("b", "y".repeat(40));
    expect(await cache.get("a")).toBeUndefined();
    expect(await cache.get("b")).toBe("y".repeat(40));
  });
});
