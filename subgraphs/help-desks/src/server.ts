import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { ApplicationHelpDesk } from "./application/application-help-desk.entity.js";
import { createHelpDesksLoaders, type HelpDesksLoaders } from "./context.js";
import { HelpDeskChange } from "./help-desk/help-desk-change.entity.js";
import { HelpDesk, HelpDeskContactPointRow } from "./help-desk/help-desk.entity.js";
import { CreateHelpDesks1764547400000 } from "./migrations/1764547400000-create-help-desks.js";
import { buildHelpDesksSchema } from "./schema.js";
import { seedHelpDesks } from "./seed/seed.js";

/** The help-desks subgraph as the kit runs it: entities, migrations, schema, loaders and seed. */
export const subgraph: SubgraphDefinition<HelpDesksLoaders> = {
  name: "help-desks",
  entities: [HelpDesk, HelpDeskContactPointRow, ApplicationHelpDesk, HelpDeskChange],
  migrations: [CreateHelpDesks1764547400000],
  buildSchema: buildHelpDesksSchema,
  createLoaders: createHelpDesksLoaders,
  seed: (dataSource) => seedHelpDesks(dataSource),
  isEmpty: async (dataSource) => (await dataSource.getRepository(HelpDesk).count()) === 0,
  // Descriptions are paragraphs; notes, contact values and hours are one line each.
  textInputs: {
    "CreateHelpDeskInput.description": { multiline: true },
    "UpdateHelpDeskInput.description": { multiline: true },
  },
};

export { buildHelpDesksSchema, seedHelpDesks };
export type { HelpDeskSeed } from "./seed/help-desks.js";
