import type { EntityManager } from "typeorm";
import { AccessRequest } from "./access-request.entity.js";
import { AccessRequestStatus } from "./access-request.types.js";

/**
 * Moves a pending request to its final status, exactly once:
 * `UPDATE access_request SET status = ?, decided_at = ?, version = version + 1
 *  WHERE id = ? AND status = 'PENDING' AND version = ?`. False when another transaction changed the row since
 * `request` was read (on PostgreSQL the update waits for that transaction, then matches nothing): the caller lost
 * the race and must write nothing else.
 */
export async function closePending(
  manager: EntityManager,
  request: Pick<AccessRequest, "id" | "version">,
  status: Exclude<AccessRequestStatus, AccessRequestStatus.PENDING>,
  now: Date,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(AccessRequest)
    .set({ storedStatus: status, decidedAt: now, version: () => "version + 1" })
    .where("id = :id AND status = :pending AND version = :version", {
      id: request.id,
      pending: AccessRequestStatus.PENDING,
      version: request.version,
    })
    .execute();
  return result.affected === 1;
}
