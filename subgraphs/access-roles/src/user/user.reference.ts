import type { AccessRolesContext } from "../context.js";
import type { User } from "./user.entity.js";
import { userOrStub } from "./user.stub.js";

/** Resolves User representations through the loader; a user never seen here still resolves, with only an id. */
export function resolveUserReference(reference: { id: string }, ctx: AccessRolesContext): Promise<User> {
  return userOrStub(ctx, reference.id);
}
