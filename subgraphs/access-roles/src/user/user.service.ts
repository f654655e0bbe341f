import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { User } from "./user.entity.js";

const SEEN_REFRESH_MS = 60 * 60 * 1000;

/** The user as the viewer's token describes them; reading it writes nothing. */
export function userOf(viewer: Viewer): User {
  return Object.assign(new User(), {
    id: viewer.id,
    displayName: viewer.displayName,
    email: viewer.email,
    portalRoles: [...viewer.portalRoles],
    mfaFactors: [...viewer.mfa.factors],
    mfaEnrolled: viewer.mfa.enrolled,
    lastSeenAt: new Date(),
  });
}

/**
 * Records the viewer as a user others can resolve (an approver sees who asked; an auditor sees a grant's holder):
 * the stored copy is written when it is missing, changed, or an hour old. Only writes call it: `recordSignIn`, and
 * the first write of a user (requestAccess), in its transaction, so a query never writes.
 */
export async function recordUser(
  manager: DataSource | EntityManager,
  viewer: Viewer,
  stored: User | null,
): Promise<User> {
  const user = userOf(viewer);
  const changed =
    !stored ||
    stored.displayName !== user.displayName ||
    stored.email !== user.email ||
    JSON.stringify(stored.portalRoles) !== JSON.stringify(user.portalRoles) ||
    JSON.stringify(stored.mfaFactors) !== JSON.stringify(user.mfaFactors) ||
    !stored.lastSeenAt ||
    Date.now() - stored.lastSeenAt.getTime() > SEEN_REFRESH_MS;
  if (changed) await manager.getRepository(User).upsert(user, ["id"]);
  return user;
}
