import type { AuthCheckerInterface, ResolverData } from "type-graphql";
import type { PortalRole, Viewer } from "@portal-graph/auth";
import type { SubgraphContext } from "./context.js";
import { ForbiddenError, UnauthenticatedError } from "./errors.js";

/**
 * type-graphql's auth checker over portal roles: `@Authorized()` needs a signed-in viewer, `@Authorized("AUDITOR")`
 * one of the roles. It throws the kit's errors itself, so a denial is UNAUTHENTICATED for anonymous callers and
 * FORBIDDEN for others, never type-graphql's own codes.
 */
export class PortalAuthChecker implements AuthCheckerInterface<SubgraphContext> {
  check({ context }: ResolverData<SubgraphContext>, roles: string[]): boolean {
    if (roles.length === 0) {
      requireViewer(context);
      return true;
    }
    requireRole(context, ...(roles as PortalRole[]));
    return true;
  }
}

/** The viewer, or UNAUTHENTICATED. */
export function requireViewer(context: Pick<SubgraphContext, "viewer">): Viewer {
  if (!context.viewer) throw new UnauthenticatedError();
  return context.viewer;
}

/** True when the viewer holds any of the roles. */
export function hasRole(viewer: Viewer | null, ...roles: PortalRole[]): boolean {
  return Boolean(viewer && roles.some((role) => viewer.portalRoles.includes(role)));
}

/** The viewer if it holds one of the roles; UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireRole(context: Pick<SubgraphContext, "viewer">, ...roles: PortalRole[]): Viewer {
  const viewer = requireViewer(context);
  if (!hasRole(viewer, ...roles)) throw new ForbiddenError();
  return viewer;
}

/** True when the viewer is this user. */
export function isSelf(viewer: Viewer | null, userId: string): boolean {
  return viewer !== null && viewer.id === userId;
}

/** Passes when the viewer is the user, or holds one of the roles; UNAUTHENTICATED / FORBIDDEN otherwise. */
export function requireSelfOrRole(
  context: Pick<SubgraphContext, "viewer">,
  userId: string,
  ...roles: PortalRole[]
): Viewer {
  const viewer = requireViewer(context);
  if (!isSelf(viewer, userId) && !hasRole(viewer, ...roles))
    throw new ForbiddenError("You may read only your own data");
  return viewer;
}
