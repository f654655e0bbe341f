import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { ApplicationConnectionResolver, ApplicationResolver } from "./application/application.resolver.js";
import { resolveApplicationReference } from "./application/application.reference.js";

/** The catalog's federated schema: explicit resolvers, and the Application reference resolver. */
export function buildCatalogSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ApplicationResolver, ApplicationConnectionResolver],
    references: { Application: resolveApplicationReference as never },
  });
}
