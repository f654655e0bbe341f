import { buildFederatedSchema } from "@portal-graph/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import { AccessMutationResolver } from "./access-request/access.mutations.js";
import { resolveAccessRequestReference } from "./access-request/access-request.reference.js";
import { AccessDecisionResolver, AccessRequestResolver } from "./access-request/access-request.resolver.js";
import { resolveApplicationReference } from "./application/application.reference.js";
import { ApplicationRolesResolver, ViewerAccessResolver } from "./application/application.resolver.js";
import { AuditResolver } from "./audit/audit.resolver.js";
import { resolveRoleGrantReference } from "./role-grant/role-grant.reference.js";
import { RoleGrantResolver } from "./role-grant/role-grant.resolver.js";
import { resolveRoleReference } from "./role/role.reference.js";
import { RoleResolver } from "./role/role.resolver.js";
import { UserAccessResolver } from "./user/user-access.resolver.js";
import { UserResolver } from "./user/user.resolver.js";
import { resolveUserReference } from "./user/user.reference.js";

/** The access-roles federated schema: explicit resolvers, and a reference resolver per entity. */
export function buildAccessRolesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      UserResolver,
      UserAccessResolver,
      RoleResolver,
      ApplicationRolesResolver,
      ViewerAccessResolver,
      AccessRequestResolver,
      AccessDecisionResolver,
      RoleGrantResolver,
      AccessMutationResolver,
      AuditResolver,
    ],
    references: {
      User: resolveUserReference,
      Role: resolveRoleReference,
      Application: resolveApplicationReference,
      AccessRequest: resolveAccessRequestReference,
      RoleGrant: resolveRoleGrantReference,
    },
  });
}
