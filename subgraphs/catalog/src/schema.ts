import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { ApplicationResolver } from "./application/application.resolver.js";
import { ApplicationMutations } from "./application/application.mutations.js";
import { resolveApplicationReference } from "./application/application.reference.js";
import { ApplicationReadinessResolver } from "./readiness/readiness.resolver.js";
import { READINESS_BLOCKER_TYPES } from "./readiness/readiness.types.js";

/** The catalog's federated schema: explicit resolvers (queries and writes), the readiness blockers, and the Application reference resolver. */
export function buildCatalogSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [ApplicationResolver, ApplicationMutations, ApplicationReadinessResolver],
    orphanedTypes: READINESS_BLOCKER_TYPES,
    references: { Application: resolveApplicationReference },
  });
}
