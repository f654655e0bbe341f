import type { AccessRolesContext } from "../context.js";
import type { Role } from "./role.entity.js";

/** Resolves Role representations through the loader; an unknown id resolves to null. */
export function resolveRoleReference(reference: { id: string }, ctx: AccessRolesContext): Promise<Role | null> {
  return ctx.loaders.roleById.load(reference.id);
}
