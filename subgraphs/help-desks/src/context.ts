import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import { createHelpDeskLoaders, type HelpDeskLoaders } from "./help-desk/help-desk.loaders.js";

/** The help desks' loaders, made per request. */
export type HelpDesksLoaders = HelpDeskLoaders;

/** What every help-desks resolver receives. */
export type HelpDesksContext = SubgraphContext<HelpDesksLoaders>;

/** Makes the loaders for one request. */
export function createHelpDesksLoaders(dataSource: DataSource): HelpDesksLoaders {
  return createHelpDeskLoaders(dataSource);
}
