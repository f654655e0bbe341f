import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from "typeorm";
import { DEFAULT_ROLE_MAP, mfaStatusOf } from "@portal-graph/auth";
import { DEV_USERS } from "@portal-graph/auth/dev-issuer";
import { AccessDecision, AccessRequest } from "../access-request/access-request.entity.js";
import type { AccessRequestStatus } from "../access-request/access-request.types.js";
import { recordAudit, type AuditRecord } from "../audit/audit.js";
import { AuditAction, SYSTEM_ACTORS } from "../audit/audit-event.entity.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { Role } from "../role/role.entity.js";
import { User } from "../user/user.entity.js";
import { seedHistory } from "./history.js";
import { ROLE_SEEDS, symmetricConflicts } from "./roles.js";

/** Inserts the rows whose id is not there yet; returns those it inserted. */
async function insertMissing<T extends { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  rows: T[],
): Promise<T[]> {
  if (rows.length === 0) return [];
  const found = await manager
    .getRepository(entity)
    .find({ select: { id: true }, where: { id: In(rows.map((row) => row.id)) } });
  const existing = new Set(found.map((row) => row.id as string));
  const missing = rows.filter((row) => !existing.has(row.id));
  if (missing.length) await manager.insert(entity, missing);
  return missing;
}

const REQUEST_ACTIONS: Record<AccessRequestStatus, AuditAction> = {
  PENDING: AuditAction.ACCESS_REQUESTED,
  APPROVED: AuditAction.ACCESS_REQUEST_APPROVED,
  REJECTED: AuditAction.ACCESS_REQUEST_REJECTED,
  CANCELLED: AuditAction.ACCESS_REQUEST_CANCELLED,
  EXPIRED: AuditAction.ACCESS_REQUEST_EXPIRED,
};
const GRANT_ACTIONS = {
  EXPIRED: AuditAction.ROLE_GRANT_EXPIRED,
  REVOKED: AuditAction.ROLE_GRANT_REVOKED,
  REMOVED_UNCERTIFIED: AuditAction.ROLE_GRANT_REMOVED_UNCERTIFIED,
};

/**
 * The development users (alice ... frank) as if each had signed in once, the roles of four applications, and a
 * history of requests and grants (see seedHistory). Rows already there are kept, so a second run inserts nothing;
 * each seeded request and grant gets one audit event by system:seed, so the log accounts for every row.
 */
export async function seedAccessRoles(dataSource: DataSource, now: Date = new Date()): Promise<number> {
  const conflicts = symmetricConflicts(ROLE_SEEDS);
  const history = seedHistory(now);
  return dataSource.transaction(async (manager) => {
    const existing = new Set((await manager.find(User, { select: { id: true } })).map((user) => user.id));
    const users = Object.entries(DEV_USERS)
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
    if (users.length) await manager.insert(User, users);
    const roles = await insertMissing(
      manager,
      Role,
      ROLE_SEEDS.map(({ conflictsWith: _stated, ...role }) => ({
        ...role,
        sortName: role.name.toLowerCase(),
        conflictsWithIds: conflicts.get(role.id)!,
      })),
    );
    const requests = await insertMissing(manager, AccessRequest, history.requests);
    const decisions = await insertMissing(manager, AccessDecision, history.decisions);
    const grants = await insertMissing(manager, RoleGrant, history.grants);
    const seeded = (record: Omit<AuditRecord, "actor" | "requestId" | "details">): AuditRecord => ({
      ...record,
      actor: SYSTEM_ACTORS.seed,
      requestId: null,
      details: { seeded: true },
    });
    await recordAudit(
      manager,
      ...requests.map((request) =>
        seeded({
          at: request.decidedAt ?? request.createdAt,
          action: REQUEST_ACTIONS[request.storedStatus],
          target: { type: "AccessRequest", id: request.id },
          accessRequestId: request.id,
          subjectUserId: request.requesterId,
          roleId: request.roleId,
          outcome: request.storedStatus,
        }),
      ),
      ...grants.map((grant) =>
        seeded({
          at: grant.endedAt ?? grant.grantedAt,
          action: grant.endState ? GRANT_ACTIONS[grant.endState] : AuditAction.ROLE_GRANTED,
          target: { type: "RoleGrant", id: grant.id },
          accessRequestId: grant.requestId,
          subjectUserId: grant.userId,
          roleId: grant.roleId,
          outcome: grant.endState ?? "GRANTED",
        }),
      ),
    );
    return users.length + roles.length + requests.length + decisions.length + grants.length;
  });
}
