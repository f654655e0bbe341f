import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import { createApplicationLoaders, type ApplicationLoaders } from "./application/application.loaders.js";

/** The catalog's loaders, made per request. */
export type CatalogLoaders = ApplicationLoaders;

/** What every catalog resolver receives. */
export type CatalogContext = SubgraphContext<CatalogLoaders>;

/** Makes the loaders for one request. */
export function createCatalogLoaders(dataSource: DataSource): CatalogLoaders {
  return createApplicationLoaders(dataSource);
}
