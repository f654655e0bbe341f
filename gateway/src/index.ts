/** The gateway process: configuration from the environment, then listen until SIGTERM or SIGINT drains it. */
// First: Apollo's telemetry is switched off before @apollo/gateway is loaded.
import "./telemetry-off.js";
import { createLogger, onShutdown } from "@portal-graph/http-kit";
import { loadGatewayConfig } from "./config.js";
import { createGateway } from "./server.js";

const logger = createLogger("gateway");

try {
  const config = loadGatewayConfig();
  const gateway = createGateway(config, { logger });
  // Installed before start so a signal during start still stops cleanly instead of killing the process mid-load.
  onShutdown(logger, gateway.stop);
  const port = await gateway.start();
  // The start script and the test harness read the port from this line.
  logger.info({ port, supergraph: config.supergraphPath }, "gateway listening");
} catch (error) {
  logger.error(`gateway did not start: ${(error as Error).message}`);
  process.exit(1);
}
