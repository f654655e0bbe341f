/**
 * The registry process: `node registry/dist/main.js`. PORT (default 4010), HOST (default 127.0.0.1), the database
 * as the subgraphs take theirs (`REGISTRY_DATABASE_URL` or `DATABASE_URL`, else `data/registry.sqlite`), and the
 * tokens of credentials.ts.
 */
import "reflect-metadata";
import {
  createLogger,
  listen,
  onShutdown,
  readFlag,
  readPort,
  readSetting,
  readWholeNumber,
} from "@portal-graph/http-kit";
import { loadCredentials } from "./credentials.js";
import { openRegistryDatabase } from "./database.js";
import { createRegistryServer } from "./server.js";
import { createServingCheck, loadRegistrySigningKey } from "./serving.js";

const logger = createLogger("registry");
try {
  const credentials = loadCredentials();
  if (credentials.open) logger.warn("no registry token is configured: every caller may publish (development only)");
  const port = readPort(process.env, "REGISTRY_PORT", readPort(process.env, "PORT", 4010));
  const dataSource = await openRegistryDatabase(logger);
  const usageWindowDays = readWholeNumber(process.env, "REGISTRY_USAGE_DAYS", 30, 1, 3650);
  // On unless REGISTRY_SERVING_CHECK=false (a registry that cannot reach the subgraphs' network).
  const serving =
    readFlag(process.env, "REGISTRY_SERVING_CHECK") === false
      ? undefined
      : createServingCheck(loadRegistrySigningKey());
  const server = createRegistryServer({ dataSource, credentials, logger, usageWindowDays, serving });
  const host = readSetting(process.env, "HOST") ?? "127.0.0.1";
  const bound = await listen(server, port, host);
  logger.info({ port: bound, host }, "registry listening");
  onShutdown(logger, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await dataSource.destroy();
  });
} catch (error) {
  logger.fatal({ err: error }, `the registry failed to start: ${(error as Error).message}`);
  process.exit(1);
}
