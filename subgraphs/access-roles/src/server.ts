import type { SubgraphDefinition } from "@portal-graph/subgraph-kit";
import { AccessDecision, AccessRequest } from "./access-request/access-request.entity.js";
import { AuditEvent } from "./audit/audit-event.entity.js";
import { createAccessRolesLoaders, type AccessRolesLoaders } from "./context.js";
import { CreateUsers1764547300000 } from "./migrations/1764547300000-create-users.js";
import { CreateAccessRoles1765000000000 } from "./migrations/1765000000000-create-access-roles.js";
import { RoleGrant } from "./role-grant/role-grant.entity.js";
import { Role } from "./role/role.entity.js";
import { accessRolesSettings } from "./config.js";
import { buildAccessRolesSchema } from "./schema.js";
import { seedAccessRoles } from "./seed/seed.js";
import { startSweepSchedule } from "./sweep/schedule.js";
import { sweep } from "./sweep/sweep.js";
import { User } from "./user/user.entity.js";

/** The access-roles subgraph as the kit runs it, with the sweep schedule as its background work. */
export const subgraph: SubgraphDefinition<AccessRolesLoaders> = {
  name: "access-roles",
  entities: [User, Role, AccessRequest, AccessDecision, RoleGrant, AuditEvent],
  migrations: [CreateUsers1764547300000, CreateAccessRoles1765000000000],
  buildSchema: buildAccessRolesSchema,
  createLoaders: createAccessRolesLoaders,
  seed: (dataSource) => seedAccessRoles(dataSource),
  // Roles, not users: a database made before roles existed has users and still needs the rest of the seed.
  isEmpty: async (dataSource) => (await dataSource.getRepository(Role).count()) === 0,
  // What people write to each other is free text; ids and filters are one line.
  textInputs: {
    "RequestAccessInput.justification": { multiline: true },
    "DecideAccessRequestInput.comment": { multiline: true },
    "RevokeRoleGrantInput.reason": { multiline: true },
  },
  readSettings: accessRolesSettings,
  onStarted: startSweepSchedule,
};

export { buildAccessRolesSchema, seedAccessRoles, sweep };
export type { SweepResult } from "./sweep/sweep.js";
