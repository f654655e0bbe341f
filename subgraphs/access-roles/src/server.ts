import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { createAccessRolesLoaders, type AccessRolesLoaders } from "./context.js";
import { CreateUsers1764547300000 } from "./migrations/1764547300000-create-users.js";
import { buildAccessRolesSchema } from "./schema.js";
import { seedAccessRoles } from "./seed/seed.js";
import { User } from "./user/user.entity.js";

/** The access-roles subgraph as the kit runs it. */
export const subgraph: SubgraphDefinition<AccessRolesLoaders> = {
  name: "access-roles",
  entities: [User],
  migrations: [CreateUsers1764547300000],
  buildSchema: buildAccessRolesSchema,
  createLoaders: createAccessRolesLoaders,
  seed: seedAccessRoles,
  isEmpty: async (dataSource) => (await dataSource.getRepository(User).count()) === 0,
};

export { buildAccessRolesSchema };
