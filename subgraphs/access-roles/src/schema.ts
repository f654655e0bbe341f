import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { UserResolver } from "./user/user.resolver.js";
import { resolveUserReference } from "./user/user.reference.js";

/** The access-roles federated schema. */
export function buildAccessRolesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [UserResolver],
    references: { User: resolveUserReference as never },
  });
}
