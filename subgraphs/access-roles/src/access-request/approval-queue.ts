import type { SelectQueryBuilder } from "typeorm";
import { cursorFormat, hasRole, pageByKey, requireViewer } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { Role } from "../role/role.entity.js";
import { approvedApplications } from "../shared/permissions.js";
import { AccessRequestConnection } from "./access-request.connection.js";
import { AccessRequest } from "./access-request.entity.js";
import { AccessRequestStatus } from "./access-request.types.js";

type QueuedRequest = AccessRequest & { queuedRole?: Role };

const CURSORS = cursorFormat("approvalQueue", ["instant", "string"]);

/**
 * The pending requests the viewer may decide, oldest first: those for applications whose approver role they hold
 * (every application for a portal admin), never their own. Keyset-paged on (createdAt, id); the page is one
 * statement with each request's role joined (and primed into roleById).
 */
export async function approvalQueue(
  ctx: AccessRolesContext,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<AccessRequestConnection> {
  const viewer = requireViewer(ctx);
  const admin = hasRole(viewer, "PORTAL_ADMIN");
  const approved = [...(await approvedApplications(ctx))];
  const now = new Date();
  const matching = (): SelectQueryBuilder<AccessRequest> | null => {
    if (!admin && approved.length === 0) return null;
    const query = ctx.dataSource
      .getRepository(AccessRequest)
      .createQueryBuilder("r")
      .where("r.status = :pending", { pending: AccessRequestStatus.PENDING })
      .andWhere("r.expires_at > :now", { now })
      .andWhere("r.requester_id <> :viewer", { viewer: viewer.id });
    if (!admin) query.andWhere("r.application_id IN (:...approved)", { approved });
    return query;
  };
  const page = await pageByKey({
    cursors: CURSORS,
    matching,
    alias: "r",
    key: { column: "created_at", of: (request) => request.createdAt.toISOString(), parameter: (at) => new Date(at) },
    first,
    after,
    join: (query) => query.innerJoinAndMapOne("r.queuedRole", Role, "role", "role.id = r.role_id"),
  });
  for (const row of page.nodes as QueuedRequest[])
    if (row.queuedRole) ctx.loaders.roleById.prime(row.roleId, row.queuedRole);
  return Object.assign(new AccessRequestConnection(), page);
}
