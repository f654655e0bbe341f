import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { Acknowledgement, AcknowledgementUser } from "./acknowledgement/acknowledgement.entity.js";
import { createLoaders, type AcknowledgementsLoaders } from "./context.js";
import { CreateAcknowledgements1764806400000 } from "./migrations/1764806400000-create-acknowledgements.js";
import { PolicyChange } from "./policy/policy-change.entity.js";
import { Policy } from "./policy/policy.entity.js";
import { PolicyVersion } from "./policy/policy-version.entity.js";
import { buildAcknowledgementsSchema } from "./schema.js";
import { seedAcknowledgements } from "./seed/seed.js";
import { acknowledgementsRawRoutes } from "./export/acknowledgements-csv.js";

/** The acknowledgements subgraph as the kit runs it: entities, migrations, schema, loaders and seed. */
export const subgraph: SubgraphDefinition<AcknowledgementsLoaders> = {
  name: "acknowledgements",
  entities: [Policy, PolicyVersion, PolicyChange, Acknowledgement, AcknowledgementUser],
  migrations: [CreateAcknowledgements1764806400000],
  buildSchema: buildAcknowledgementsSchema,
  createLoaders,
  seed: (dataSource) => seedAcknowledgements(dataSource),
  isEmpty: async (dataSource) => (await dataSource.getRepository(Policy).count()) === 0,
  // A policy's text is long and multi-line (it takes up to 20000 characters); every other text input is one line.
  textInputs: { "PublishPolicyVersionInput.body": { multiline: true, maxLength: 20_000 } },
  rawRoutes: acknowledgementsRawRoutes,
};

export { buildAcknowledgementsSchema, seedAcknowledgements };
export {
  ACKNOWLEDGEMENTS_CSV_PATH,
  acknowledgementsRawRoutes,
  createAcknowledgementsCsvRoute,
  exportAcknowledgementsCsv,
} from "./export/acknowledgements-csv.js";
