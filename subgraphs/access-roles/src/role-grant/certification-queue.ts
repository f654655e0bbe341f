import type { SelectQueryBuilder } from "typeorm";
import { cursorFormat, hasRole, pageByKey, requireViewer } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { approvedApplications } from "../shared/permissions.js";
import { dayOf } from "../shared/time.js";
import { RoleGrantConnection } from "./role-grant.connection.js";
import { RoleGrant } from "./role-grant.entity.js";

const CURSORS = cursorFormat("certificationQueue", ["day", "string"]);

/**
 * The held grants the viewer may certify, soonest due first: grants in the applications whose approver role they
 * hold (every application for a portal admin), never their own. Keyset-paged on (certificationDueOn, id).
 */
export async function certificationQueue(
  ctx: AccessRolesContext,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<RoleGrantConnection> {
  const viewer = requireViewer(ctx);
  const admin = hasRole(viewer, "PORTAL_ADMIN");
  const approved = [...(await approvedApplications(ctx))];
  const now = new Date();
  const matching = (): SelectQueryBuilder<RoleGrant> | null => {
    if (!admin && approved.length === 0) return null;
    const query = ctx.dataSource
      .getRepository(RoleGrant)
      .createQueryBuilder("g")
      .where("g.end_state IS NULL")
      .andWhere("(g.expires_at IS NULL OR g.expires_at > :now)", { now })
      .andWhere("g.certification_due_on >= :today", { today: dayOf(now) })
      .andWhere("g.user_id <> :viewer", { viewer: viewer.id });
    if (!admin) query.andWhere("g.application_id IN (:...approved)", { approved });
    return query;
  };
  const page = await pageByKey({
    cursors: CURSORS,
    matching,
    alias: "g",
    key: { column: "certification_due_on", of: (grant) => grant.certificationDueOn },
    first,
    after,
  });
  return Object.assign(new RoleGrantConnection(), page);
}
