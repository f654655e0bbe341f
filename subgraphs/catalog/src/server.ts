import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { ApplicationChange } from "./application/application-change.entity.js";
import { Application, ApplicationLinkRow, ApplicationTagRow } from "./application/application.entity.js";
import { createCatalogLoaders, type CatalogLoaders } from "./context.js";
import { CreateCatalog1764547200000 } from "./migrations/1764547200000-create-catalog.js";
import { ApplicationWrites1764720000000 } from "./migrations/1764720000000-application-writes.js";
import { buildCatalogSchema } from "./schema.js";
import { seedCatalog } from "./seed/seed.js";

/** The catalog subgraph as the kit runs it: entities, migrations, schema, loaders and seed. */
export const subgraph: SubgraphDefinition<CatalogLoaders> = {
  name: "catalog",
  entities: [Application, ApplicationLinkRow, ApplicationTagRow, ApplicationChange],
  migrations: [CreateCatalog1764547200000, ApplicationWrites1764720000000],
  buildSchema: buildCatalogSchema,
  createLoaders: createCatalogLoaders,
  seed: (dataSource) => seedCatalog(dataSource),
  isEmpty: async (dataSource) => (await dataSource.getRepository(Application).count()) === 0,
  // Descriptions are paragraphs; every other text input is one line.
  textInputs: {
    "RegisterApplicationInput.description": { multiline: true },
    "UpdateApplicationInput.description": { multiline: true },
  },
};

export { buildCatalogSchema, seedCatalog };
export type { ApplicationSeed } from "./seed/applications.js";
