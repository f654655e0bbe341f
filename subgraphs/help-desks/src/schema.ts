import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { resolveApplicationReference } from "./application/application.reference.js";
import { ApplicationHelpDeskResolver, ApplicationHelpDesksResolver } from "./application/application.resolver.js";
import { HelpDeskMutationResolver } from "./help-desk/help-desk.mutations.js";
import { resolveHelpDeskReference } from "./help-desk/help-desk.reference.js";
import { HelpDeskResolver } from "./help-desk/help-desk.resolver.js";

/** The help desks' federated schema: explicit resolvers, and the HelpDesk and Application reference resolvers. */
export function buildHelpDesksSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [HelpDeskResolver, HelpDeskMutationResolver, ApplicationHelpDesksResolver, ApplicationHelpDeskResolver],
    references: {
      HelpDesk: resolveHelpDeskReference,
      Application: resolveApplicationReference,
    },
  });
}
