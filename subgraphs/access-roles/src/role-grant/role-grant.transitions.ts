import type { EntityManager } from "typeorm";
import { RoleGrant, type GrantEnd } from "./role-grant.entity.js";

type Changes = Partial<
  Pick<
    RoleGrant,
    "revokedAt" | "revokedBy" | "revokedReason" | "lastCertifiedAt" | "lastCertifiedBy" | "certificationDueOn"
  >
>;

/**
 * Changes a grant that has not ended, exactly once: `UPDATE role_grant SET ..., version = version + 1
 * WHERE id = ? AND end_state IS NULL AND version = ?`. False when another transaction changed the row since
 * `grant` was read: the caller lost the race and must write nothing else.
 */
export async function changeHeldGrant(
  manager: EntityManager,
  grant: Pick<RoleGrant, "id" | "version">,
  changes: Changes & { endState?: GrantEnd; endedAt?: Date },
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(RoleGrant)
    .set({ ...changes, version: () => "version + 1" })
    .where("id = :id AND end_state IS NULL AND version = :version", { id: grant.id, version: grant.version })
    .execute();
  return result.affected === 1;
}
