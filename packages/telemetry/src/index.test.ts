import { trace } from "@opentelemetry/api";
import { describe, expect, it } from "vitest";
import { startTelemetry, subgraphServiceName } from "@portal-graph/telemetry";

describe("startTelemetry", () => {
  it("starts nothing without OTEL_EXPORTER_OTLP_ENDPOINT: no handle, no tracer provider registered", async () => {
    expect(await startTelemetry({ service: "portal-graph-test", env: {} })).toBeNull();
    expect(
      await startTelemetry({ service: "portal-graph-test", env: { OTEL_EXPORTER_OTLP_ENDPOINT: " " } }),
    ).toBeNull();
    const span = trace.getTracer("test").startSpan("probe");
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it("names a subgraph's service portal-graph-<subgraph>", () => {
    expect(subgraphServiceName("help-desks")).toBe("portal-graph-help-desks");
  });
});
