import type { AccessRolesContext } from "../context.js";
import { maySee } from "../shared/permissions.js";
import { AccessRequest } from "./access-request.entity.js";

/** An AccessRequest representation as the gateway sends it for `blockers` (the @requires selection included). */
export interface AccessRequestRepresentation {
  id: string;
  requester?: { missingPrivilegedAcknowledgements?: string[] | null } | null;
}

/**
 * Resolves AccessRequest representations through the loader, with the requester's acknowledgement facts the
 * gateway fetched attached to a copy (the loader's row stays as read). Null for an unknown id or one the viewer
 * may not read: calling the subgraph directly with a guessed id gains nothing.
 */
export async function resolveAccessRequestReference(
  reference: AccessRequestRepresentation,
  ctx: AccessRolesContext,
): Promise<AccessRequest | null> {
  const request = await ctx.loaders.accessRequestById.load(reference.id);
  if (!request || !(await maySee(ctx, request.requesterId, request.applicationId))) return null;
  return Object.assign(new AccessRequest(), request, {
    requesterMissingAcknowledgements: reference.requester?.missingPrivilegedAcknowledgements,
  });
}
