/**
 * `npm run access:sweep`: applies the clock once to the access-roles database (the subgraph's own DATABASE_URL
 * rules), prints what changed and exits. Idempotent: a second run changes nothing. A running subgraph also sweeps
 * every ACCESS_SWEEP_INTERVAL_MINUTES; the two can overlap safely (every change is a conditional update).
 */
import "reflect-metadata";
import { createLogger } from "@portal-graph/http-kit";
import { openDatabase, resolveDatabase } from "@portal-graph/subgraph-kit";
import { subgraph } from "./server.js";
import { sweep } from "./sweep/sweep.js";

const logger = createLogger(subgraph.name, { level: process.env.LOG_LEVEL ?? "warn" });
try {
  const target = resolveDatabase(subgraph.name);
  const dataSource = await openDatabase({
    target,
    entities: subgraph.entities,
    migrations: subgraph.migrations,
    logger,
  });
  const result = await sweep(dataSource, new Date());
  await dataSource.destroy();
  const where = target.kind === "sqlite" ? target.path : `PostgreSQL schema ${target.schema}`;
  console.log(
    `access-roles sweep ${result.runId} (${where}): ${result.expiredRequests} request(s) expired, ` +
      `${result.expiredGrants} grant(s) expired, ${result.removedUncertifiedGrants} grant(s) removed uncertified`,
  );
} catch (error) {
  console.error(`access-roles sweep failed: ${(error as Error).message}`);
  process.exit(1);
}
