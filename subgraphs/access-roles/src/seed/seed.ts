import type { DataSource } from "typeorm";
import { DEFAULT_ROLE_MAP, mfaStatusOf } from "@portal-graph/auth";
import { DEV_USERS } from "@portal-graph/auth/dev-issuer";
import { User } from "../user/user.entity.js";

/** The development users (alice ... frank) as if each had signed in once; rows already there are kept. */
export async function seedAccessRoles(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const existing = new Set((await manager.find(User, { select: { id: true } })).map((user) => user.id));
    const missing = Object.entries(DEV_USERS)
      .filter(([id]) => !existing.has(id))
      .map(([id, profile]) => ({
        id,
        displayName: profile.name,
        email: profile.email,
        portalRoles: profile.groups.flatMap((group) => DEFAULT_ROLE_MAP[group] ?? []),
        mfaFactors: profile.amr,
        mfaEnrolled: mfaStatusOf(profile.amr).enrolled,
        lastSeenAt: null,
      }));
    if (missing.length) await manager.insert(User, missing);
    return missing.length;
  });
}
