import type { DataSource } from "typeorm";
import { openDatabase, resolveDatabase, type DatabaseTarget } from "@portal-graph/subgraph-kit";
import type { Logger } from "@portal-graph/http-kit";
import { CreateRegistry1796500000000 } from "./migrations/1796500000000-create-registry.js";
import { CreateOperationUsage1796500100000 } from "./migrations/1796500100000-create-operation-usage.js";
import { AddVersionChanges1796500200000 } from "./migrations/1796500200000-add-version-changes.js";
import { OperationUsage } from "./operation-usage.entity.js";
import { SupergraphVersion } from "./supergraph-version.entity.js";

/** The registry's database: `data/registry.sqlite`, or its own schema in PostgreSQL (`DATABASE_URL`), migrated. */
export function openRegistryDatabase(
  logger: Logger,
  target: DatabaseTarget = resolveDatabase("registry"),
): Promise<DataSource> {
  return openDatabase({
    target,
    entities: [SupergraphVersion, OperationUsage],
    migrations: [CreateRegistry1796500000000, CreateOperationUsage1796500100000, AddVersionChanges1796500200000],
    logger,
  });
}
