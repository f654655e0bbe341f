import { hasRole, isSelf, type Viewer } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";

/** The applications the viewer approves (holds the approver role of); empty for anonymous callers. */
export async function approvedApplications(ctx: AccessRolesContext): Promise<ReadonlySet<string>> {
  if (!ctx.viewer) return new Set();
  return ctx.loaders.approvedApplicationsByUserId.load(ctx.viewer.id);
}

/** Auditors and portal admins read every request and grant (only admins may also act on them). */
export function seesEverything(viewer: Viewer | null): boolean {
  return hasRole(viewer, "AUDITOR", "PORTAL_ADMIN");
}

/** Whether the viewer may decide requests for (and certify grants in) the application. */
export function mayApproveIn(viewer: Viewer, approved: ReadonlySet<string>, applicationId: string): boolean {
  return hasRole(viewer, "PORTAL_ADMIN") || approved.has(applicationId);
}

/**
 * Whether the viewer may read a user's request or grant in an application: the user themself, an approver of
 * that application, an auditor or a portal admin.
 */
export async function maySee(ctx: AccessRolesContext, ownerId: string, applicationId: string): Promise<boolean> {
  const viewer = ctx.viewer;
  if (!viewer) return false;
  if (isSelf(viewer, ownerId) || seesEverything(viewer)) return true;
  return (await approvedApplications(ctx)).has(applicationId);
}

/** Keeps the items the viewer may read; one loader call for the whole list. */
export async function visible<T extends { applicationId: string }>(
  ctx: AccessRolesContext,
  ownerId: string,
  items: readonly T[],
): Promise<T[]> {
  const viewer = ctx.viewer;
  if (!viewer) return [];
  if (isSelf(viewer, ownerId) || seesEverything(viewer)) return [...items];
  const approved = await approvedApplications(ctx);
  return items.filter((item) => approved.has(item.applicationId));
}
