import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { ApplicationResolver } from "./application/application.resolver.js";
import { ApplicationMutations } from "./application/application.mutations.js";
import { resolveApplicationReference } from "./application/application.reference.js";

/** The catalog's federated schema: explicit resolvers (queries and writes), and the Application reference resolver. */
export function buildCatalogSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ApplicationResolver, ApplicationMutations],
    references: { Application: resolveApplicationReference },
  });
}
