import { randomUUID } from "node:crypto";
import type { DataSource } from "typeorm";
import { writeTransaction } from "@portal-graph/subgraph-kit";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { dayOf } from "../shared/time.js";
import { expireRequest, settleGrant } from "./sweep-steps.js";

/** What one sweep changed (each change also wrote an audit event). */
export interface SweepResult {
  runId: string;
  expiredRequests: number;
  expiredGrants: number;
  removedUncertifiedGrants: number;
}

/** Rows per transaction: a long backlog is swept in short transactions, so requests are not held up behind it. */
const BATCH = 200;

/**
 * Applies the clock at `now`: pending requests past expiresAt become EXPIRED, grants past expiresAt EXPIRED,
 * grants past their certification due day REMOVED_UNCERTIFIED; each change is a conditional update with an
 * audit event by system:sweep, in the same transaction. Idempotent: a second run at the same instant finds
 * nothing to do, and a row a person changed meanwhile is left to them.
 */
export async function sweep(dataSource: DataSource, now: Date = new Date()): Promise<SweepResult> {
  const result: SweepResult = {
    runId: `sweep-${randomUUID()}`,
    expiredRequests: 0,
    expiredGrants: 0,
    removedUncertifiedGrants: 0,
  };
  for (;;) {
    const changed = await writeTransaction(dataSource, async (manager) => {
      const requests = await manager
        .getRepository(AccessRequest)
        .createQueryBuilder("r")
        .where("r.status = :pending", { pending: AccessRequestStatus.PENDING })
        .andWhere("r.expires_at <= :now", { now })
        .orderBy("r.id", "ASC")
        .limit(BATCH)
        .getMany();
      let count = 0;
      for (const request of requests) {
        if (await expireRequest(manager, request, now, result.runId)) {
          result.expiredRequests += 1;
          count += 1;
        }
      }
      return { seen: requests.length, count };
    });
    if (changed.seen < BATCH || changed.count === 0) break;
  }
  for (;;) {
    const changed = await writeTransaction(dataSource, async (manager) => {
      const grants = await manager
        .getRepository(RoleGrant)
        .createQueryBuilder("g")
        .where("g.end_state IS NULL")
        .andWhere("((g.expires_at IS NOT NULL AND g.expires_at <= :now) OR g.certification_due_on < :today)", {
          now,
          today: dayOf(now),
        })
        .orderBy("g.id", "ASC")
        .limit(BATCH)
        .getMany();
      let count = 0;
      for (const grant of grants) {
        if (!(await settleGrant(manager, grant, now, result.runId))) continue;
        count += 1;
        if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) result.expiredGrants += 1;
        else result.removedUncertifiedGrants += 1;
      }
      return { seen: grants.length, count };
    });
    if (changed.seen < BATCH || changed.count === 0) break;
  }
  return result;
}
