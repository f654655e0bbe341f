/**
 * OpenTelemetry tracing for a Portal Graph process. Nothing of the SDK is loaded unless OTEL_EXPORTER_OTLP_ENDPOINT
 * is set: processes that export no traces pay nothing for them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

/** A running tracer: shutdown() exports the spans still buffered (call it before the process exits). */
export interface Telemetry {
  shutdown(): Promise<void>;
}

/** What startTelemetry needs: the service name (`portal-graph-gateway`, `portal-graph-catalog`) and its version. */
export interface TelemetryOptions {
  service: string;
  /** Defaults to the version in the package.json nearest the process's entry file. */
  version?: string;
  env?: NodeJS.ProcessEnv;
}

/** Starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set and returns its handle; otherwise loads nothing, returns null. */
export async function startTelemetry(options: TelemetryOptions): Promise<Telemetry | null> {
  const env = options.env ?? process.env;
  if (!env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) return null;
  const { startTracing } = await import("./tracing.js");
  return startTracing(options.service, options.version ?? entryVersion());
}

/** The service name a subgraph's spans carry: `portal-graph-<subgraph>`. */
export function subgraphServiceName(subgraph: string): string {
  return `portal-graph-${subgraph}`;
}

// The process's own package (gateway/, subgraphs/<name>/) holds its version, whether it runs from dist/ or src/.
function entryVersion(): string {
  const entry = process.argv[1];
  for (let dir = entry ? path.dirname(path.resolve(entry)) : ""; dir && path.dirname(dir) !== dir;) {
    try {
      return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version?: string }).version ?? "0";
    } catch {
      dir = path.dirname(dir);
    }
  }
  return "0";
}
