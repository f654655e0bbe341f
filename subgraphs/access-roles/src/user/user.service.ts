import type { DataSource, EntityManager } from "typeorm";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { User } from "./user.entity.js";

const SEEN_REFRESH_MS = 60 * 60 * 1000;

/**
 * The user the viewer's token describes; the stored copy others see is refreshed when it changed or is an hour old.
 * Takes a transaction's manager too, so a write can record its actor in the same transaction.
 */
export async function userFromViewer(
  dataSource: DataSource | EntityManager,
  viewer: Viewer,
  stored: User | null,
): Promise<User> {
  const user = Object.assign(new User(), {
    id: viewer.id,
    displayName: viewer.displayName,
    email: viewer.email,
    portalRoles: [...viewer.portalRoles],
    mfaFactors: [...viewer.mfa.factors],
    mfaEnrolled: viewer.mfa.enrolled,
    lastSeenAt: new Date(),
  });
  const changed =
    !stored ||
    stored.displayName !== user.displayName ||
    stored.email !== user.email ||
    JSON.stringify(stored.portalRoles) !== JSON.stringify(user.portalRoles) ||
    JSON.stringify(stored.mfaFactors) !== JSON.stringify(user.mfaFactors) ||
    !stored.lastSeenAt ||
    Date.now() - stored.lastSeenAt.getTime() > SEEN_REFRESH_MS;
  if (changed) await dataSource.getRepository(User).upsert(user, ["id"]);
  return user;
}
