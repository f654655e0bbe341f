import type { AccessRolesContext } from "../context.js";
import { User } from "./user.entity.js";

/** The user with this id through the loader; a user never seen signing in is still a user, with only an id. */
export async function userOrStub(ctx: AccessRolesContext, id: string): Promise<User> {
  const stored = await ctx.loaders.userById.load(id);
  return (
    stored ??
    Object.assign(new User(), {
      id,
      displayName: null,
      email: null,
      portalRoles: [],
      mfaFactors: [],
      mfaEnrolled: false,
      lastSeenAt: null,
    })
  );
}
