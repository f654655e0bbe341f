import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { resolveApplicationReference } from "./application/application.reference.js";
import { ApplicationHelpDeskResolver, ApplicationHelpDesksResolver } from "./application/application.resolver.js";
import { HelpDeskMutationResolver } from "./help-desk/help-desk.mutations.js";
import { resolveHelpDeskReference } from "./help-desk/help-desk.reference.js";
import { HelpDeskResolver } from "./help-desk/help-desk.resolver.js";
import { resolveReadinessReference } from "./readiness/readiness.reference.js";
import { ReadinessContactPointResolver, ReadinessHelpResolver } from "./readiness/readiness.resolver.js";
import { ReadinessHelpDesks } from "./readiness/readiness.types.js";

/** The help desks' federated schema: explicit resolvers, and the HelpDesk, Application and Readiness references. */
export function buildHelpDesksSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      HelpDeskResolver,
      HelpDeskMutationResolver,
      ApplicationHelpDesksResolver,
      ApplicationHelpDeskResolver,
      ReadinessHelpResolver,
      ReadinessContactPointResolver,
    ],
    // Nothing of ours returns a Readiness (the catalog's Application.viewerReadiness does), so it is named here.
    orphanedTypes: [ReadinessHelpDesks],
    references: {
      HelpDesk: resolveHelpDeskReference,
      Application: resolveApplicationReference,
      Readiness: resolveReadinessReference,
    },
  });
}
