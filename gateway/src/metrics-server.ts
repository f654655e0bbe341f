import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { GatewayMetrics } from "./metrics.js";

/** Answers GET /metrics with the Prometheus text of the gateway's metrics (a raw route of the HTTP layer). */
export function metricsRoute(metrics: GatewayMetrics) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("GET /metrics\n");
      return;
    }
    const text = await metrics.exposition();
    res.writeHead(200, { "content-type": metrics.contentType, "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : text);
  };
}

/**
 * A listener of its own that serves only GET /metrics, for production, where the public port does not: bound to
 * METRICS_HOST (default loopback) on METRICS_PORT, so scrapers reach it and the internet does not.
 */
export function createMetricsServer(metrics: GatewayMetrics): Server {
  const route = metricsRoute(metrics);
  return createServer((req, res) => {
    if (new URL(req.url ?? "/", "http://localhost").pathname !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found: metrics are at /metrics\n");
      return;
    }
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
}
