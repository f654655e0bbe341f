import { createRequire } from "node:module";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { NodeSDK, resources } from "@opentelemetry/sdk-node";
import type { Telemetry } from "./index.js";

// Health and readiness probes and metric scrapes arrive every few seconds and would bury the requests in traces.
const UNTRACED_PATHS = new Set(["/health", "/ready", "/metrics"]);

/**
 * Starts the Node SDK for traces only, exported over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT with the
 * standard OTEL_* variables (OTEL_BSP_SCHEDULE_DELAY, OTEL_TRACES_SAMPLER...). The propagator is W3C trace context.
 */
export function startTracing(service: string, version: string): Telemetry {
  const sdk = new NodeSDK({
    // Only who we are: no cloud, host or process detectors, which probe metadata addresses or fill spans with argv.
    resource: resources.resourceFromAttributes({ "service.name": service, "service.version": version }),
    autoDetectResources: false,
    traceExporter: new OTLPTraceExporter(),
    // The SDK would otherwise also start OTLP metric and log exporters; metrics are Prometheus, logs are pino.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(new URL(request.url ?? "/", "http://x").pathname),
        // Outgoing node:http calls are left to their callers: the OTLP exporter's own are not traced, and the gateway's
        // subgraph transport makes its client span and sends traceparent itself (gateway/src/subgraph-transport.ts).
        ignoreOutgoingRequestHook: () => true,
      }),
      // Node's global fetch (a subgraph's calls to the issuer, say): a client span and the traceparent header. Fetches
      // outside a traced request (readiness probes) would each be a trace of their own: left out.
      new UndiciInstrumentation({ requireParentforSpans: true }),
    ],
  });
  sdk.start();
  // The http instrumentation patches node:http when it is required; our code imports it as an ES module, which
  // the require hook never sees. Requiring it once patches the shared http.Server prototype for every server.
  createRequire(import.meta.url)("node:http");
  return { shutdown: () => sdk.shutdown() };
}
