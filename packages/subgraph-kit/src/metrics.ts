import type { IncomingMessage, ServerResponse } from "node:http";
import { sendError, sendJson } from "@portal-graph/http-kit";
import { collectDefaultMetrics, Counter, Registry } from "prom-client";
import { sqlTotals } from "./sql-counter.js";

// A scraper names the formats it takes in Accept; a plain client (curl, fetch, the tests, the benchmark) gets JSON.
const WANTS_TEXT = /\btext\/plain\b|\bapplication\/openmetrics-text\b/i;

/**
 * GET /metrics for a subgraph: `{ subgraph, requests, sqlStatements }` as JSON by default (tests and the benchmark
 * read it), or the same counters and Node's process metrics as Prometheus text when Accept asks for text/plain or
 * OpenMetrics, as Prometheus does.
 */
export function subgraphMetricsRoute(subgraph: string, requests: () => number) {
  let registry: Registry | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET") {
      sendError(res, 405, "METHOD_NOT_ALLOWED", "GET /metrics");
      return;
    }
    if (!WANTS_TEXT.test(req.headers.accept ?? "")) {
      sendJson(res, 200, { subgraph, requests: requests(), sqlStatements: sqlTotals.statements });
      return;
    }
    // Made at the first scrape, so processes (and test files) that are never scraped keep no Prometheus state.
    registry ??= prometheusRegistry(subgraph, requests);
    const text = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType, "cache-control": "no-store" });
    res.end(text);
  };
}

function prometheusRegistry(subgraph: string, requests: () => number): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph });
  collectDefaultMetrics({ register: registry });
  // The totals are kept where they are counted (the request context, the SQL logger); a scrape copies them.
  new Counter({
    name: "subgraph_requests_total",
    help: "GraphQL requests this subgraph has served since it started",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(requests());
    },
  });
  new Counter({
    name: "subgraph_sql_statements_total",
    help: "SQL statements this subgraph has run since it started",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(sqlTotals.statements);
    },
  });
  return registry;
}
