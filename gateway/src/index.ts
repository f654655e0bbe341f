/** The gateway process: configuration from the environment, then listen until SIGTERM or SIGINT drains it. */
// First: Apollo's telemetry is switched off before @apollo/gateway is loaded.
import "./telemetry-off.js";
import { createLogger, onShutdown } from "@portal-graph/http-kit";
import { startTelemetry } from "@portal-graph/telemetry";
import { loadGatewayConfig } from "./config.js";
import { createGateway } from "./server.js";

// First, before any server exists: tracing (only when OTEL_EXPORTER_OTLP_ENDPOINT is set) patches the HTTP server
// prototype and registers the tracer that @apollo/gateway's own spans go to.
const telemetry = await startTelemetry({ service: "portal-graph-gateway" });
const logger = createLogger("gateway");

try {
  const config = loadGatewayConfig();
  const gateway = createGateway(config, { logger });
  // Installed before start so a signal during start still stops cleanly instead of killing the process mid-load.
  onShutdown(logger, async () => {
    await gateway.stop();
    // The spans of the last requests are still buffered: export them before the process exits.
    await telemetry?.shutdown();
  });
  const port = await gateway.start();
  // The start script and the test harness read the port from this line.
  logger.info({ port, supergraph: config.supergraphPath, tracing: telemetry !== null }, "gateway listening");
} catch (error) {
  logger.error(`gateway did not start: ${(error as Error).message}`);
  process.exit(1);
}
