import type { AccessRolesContext } from "../context.js";
import { maySee } from "../shared/permissions.js";
import { RoleGrant } from "./role-grant.entity.js";

/** A RoleGrant representation as the gateway sends it for `status` (the @requires selection included). */
export interface RoleGrantRepresentation {
  id: string;
  user?: { missingPrivilegedAcknowledgements?: string[] | null } | null;
}

/**
 * Resolves RoleGrant representations through the loader, with the holder's acknowledgement facts the gateway
 * fetched attached to a copy (the loader's row stays as read). Null for an unknown id or one the viewer may not
 * read: calling the subgraph directly with a guessed id gains nothing.
 */
export async function resolveRoleGrantReference(
  reference: RoleGrantRepresentation,
  ctx: AccessRolesContext,
): Promise<RoleGrant | null> {
  const grant = await ctx.loaders.roleGrantById.load(reference.id);
  if (!grant || !(await maySee(ctx, grant.userId, grant.applicationId))) return null;
  return Object.assign(new RoleGrant(), grant, {
    holderMissingAcknowledgements: reference.user?.missingPrivilegedAcknowledgements,
  });
}
