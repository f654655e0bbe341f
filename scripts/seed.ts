/**
 * `npm run seed`: migrates every registered subgraph's database and puts its seed data in place.
 * Idempotent: a second run inserts nothing. Uses the same DATABASE_URL rules as the subgraphs.
 */
import "reflect-metadata";
import { createLogger } from "@portal-graph/http-kit";
import { hasDatabase, openDatabase, resolveDatabase, type AnySubgraphDefinition } from "@portal-graph/subgraph-kit";
import { findRepoRoot, readRegistry } from "@portal-graph/subgraph-kit/workspace";

const root = findRepoRoot();
let failed = false;
for (const entry of readRegistry(root)) {
  const { subgraph } = (await import(entry.package)) as { subgraph: AnySubgraphDefinition };
  if (!hasDatabase(subgraph)) {
    console.log(`${entry.name}: no database to seed`);
    continue;
  }
  const logger = createLogger(entry.name, { level: process.env.LOG_LEVEL ?? "warn" });
  try {
    const target = resolveDatabase(entry.name);
    const dataSource = await openDatabase({
      target,
      entities: subgraph.entities,
      migrations: subgraph.migrations,
      logger,
    });
    const inserted = await subgraph.seed(dataSource);
    await dataSource.destroy();
    const where = target.kind === "sqlite" ? target.path : `PostgreSQL schema ${target.schema}`;
    console.log(`${entry.name}: ${inserted} row(s) inserted (${where})`);
  } catch (error) {
    failed = true;
    console.error(`${entry.name}: seeding failed: ${(error as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
