import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { AcknowledgementMutations } from "./acknowledgement/acknowledgement.mutations.js";
import { AcknowledgementResolver } from "./acknowledgement/acknowledgement.resolver.js";
import { resolveApplicationReference } from "./application/application.reference.js";
import { ApplicationPoliciesResolver } from "./application/application.resolver.js";
import { PolicyMutations } from "./policy/policy.mutations.js";
import { resolvePolicyVersionReference } from "./policy/policy-version.reference.js";
import { PolicyResolver, PolicyVersionResolver } from "./policy/policy.resolver.js";
import { ReportResolver } from "./report/report.resolver.js";
import { resolveUserReference } from "./user/user.reference.js";
import { UserAcknowledgementsResolver } from "./user/user.resolver.js";

/** The acknowledgements federated schema: explicit resolvers, and the PolicyVersion, User and Application references. */
export function buildAcknowledgementsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PolicyResolver,
      PolicyVersionResolver,
      PolicyMutations,
      AcknowledgementResolver,
      AcknowledgementMutations,
      UserAcknowledgementsResolver,
      ApplicationPoliciesResolver,
      ReportResolver,
    ],
    references: {
      PolicyVersion: resolvePolicyVersionReference,
      User: resolveUserReference,
      Application: resolveApplicationReference,
    },
  });
}
