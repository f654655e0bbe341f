import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@portal-graph/subgraph-kit";
import { createUserLoaders, type UserLoaders } from "./user/user.loaders.js";

/** The access-roles loaders, made per request. */
export type AccessRolesLoaders = UserLoaders;

/** What every access-roles resolver receives. */
export type AccessRolesContext = SubgraphContext<AccessRolesLoaders>;

/** Makes the loaders for one request. */
export function createAccessRolesLoaders(dataSource: DataSource): AccessRolesLoaders {
  return createUserLoaders(dataSource);
}
