import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import {
  createAcknowledgementsLoaders,
  type AcknowledgementsLoaders,
} from "./acknowledgement/acknowledgement.loaders.js";

export type { AcknowledgementsLoaders };

/** What every acknowledgements resolver receives. */
export type AcknowledgementsContext = SubgraphContext<AcknowledgementsLoaders>;

/** Makes the loaders for one request. */
export function createLoaders(dataSource: DataSource): AcknowledgementsLoaders {
  return createAcknowledgementsLoaders(dataSource);
}
