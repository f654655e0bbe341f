import type { AccessRolesContext } from "../context.js";
import { User } from "./user.entity.js";

/** Resolves User representations through the loader; a user never seen here still resolves, with only an id. */
export async function resolveUserReference(reference: { id: string }, ctx: AccessRolesContext): Promise<User> {
  const stored = await ctx.loaders.userById.load(reference.id);
  return (
    stored ??
    Object.assign(new User(), {
      id: reference.id,
      displayName: null,
      email: null,
      portalRoles: [],
      mfaFactors: [],
      mfaEnrolled: false,
      lastSeenAt: null,
    })
  );
}
