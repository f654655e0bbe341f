import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import { createAccessRequestLoaders, type AccessRequestLoaders } from "./access-request/access-request.loaders.js";
import { createRoleGrantLoaders, type RoleGrantLoaders } from "./role-grant/role-grant.loaders.js";
import { createRoleLoaders, type RoleLoaders } from "./role/role.loaders.js";
import { createUserLoaders, type UserLoaders } from "./user/user.loaders.js";

/** The access-roles loaders, made per request. */
export type AccessRolesLoaders = UserLoaders & RoleLoaders & AccessRequestLoaders & RoleGrantLoaders;

/** What every access-roles resolver receives. */
export type AccessRolesContext = SubgraphContext<AccessRolesLoaders>;

/** Makes the loaders for one request. */
export function createAccessRolesLoaders(dataSource: DataSource): AccessRolesLoaders {
  return {
    ...createUserLoaders(dataSource),
    ...createRoleLoaders(dataSource),
    ...createAccessRequestLoaders(dataSource),
    ...createRoleGrantLoaders(dataSource),
  };
}
