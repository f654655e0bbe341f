import type { EntityManager } from "typeorm";
import { closePending } from "../access-request/access-request.transitions.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import type { AccessRequest } from "../access-request/access-request.entity.js";
import { recordAudit } from "../audit/audit.js";
import { AuditAction, SYSTEM_ACTORS } from "../audit/audit-event.entity.js";
import { RoleGrantStatus, type RoleGrant } from "../role-grant/role-grant.entity.js";
import { changeHeldGrant } from "../role-grant/role-grant.transitions.js";
import { dayOf } from "../shared/time.js";

/**
 * Records that a pending request lapsed: EXPIRED, with an audit event by system:sweep. False (nothing written)
 * when it is not past its expiry or another transaction decided it first.
 */
export async function expireRequest(
  manager: EntityManager,
  request: AccessRequest,
  now: Date,
  runId: string | null,
): Promise<boolean> {
  if (request.storedStatus !== AccessRequestStatus.PENDING || request.expiresAt.getTime() > now.getTime()) {
    return false;
  }
  if (!(await closePending(manager, request, AccessRequestStatus.EXPIRED, now))) return false;
  await recordAudit(manager, {
    at: now,
    actor: SYSTEM_ACTORS.sweep,
    action: AuditAction.ACCESS_REQUEST_EXPIRED,
    target: { type: "AccessRequest", id: request.id },
    accessRequestId: request.id,
    subjectUserId: request.requesterId,
    roleId: request.roleId,
    requestId: runId,
    outcome: AccessRequestStatus.EXPIRED,
    details: { applicationId: request.applicationId, expiresAt: request.expiresAt.toISOString() },
  });
  return true;
}

/**
 * Records how a grant ended by its dates, if it has: EXPIRED past expiresAt, else REMOVED_UNCERTIFIED past its
 * certification due day; each with an audit event by system:sweep. False (nothing written) when neither applies
 * or another transaction changed the grant first.
 */
export async function settleGrant(
  manager: EntityManager,
  grant: RoleGrant,
  now: Date,
  runId: string | null,
): Promise<boolean> {
  if (grant.endState) return false;
  const expired = grant.expiresAt !== null && grant.expiresAt.getTime() <= now.getTime();
  const uncertified = !expired && grant.certificationDueOn < dayOf(now);
  if (!expired && !uncertified) return false;
  const endState = expired ? RoleGrantStatus.EXPIRED : RoleGrantStatus.REMOVED_UNCERTIFIED;
  if (!(await changeHeldGrant(manager, grant, { endState, endedAt: now }))) return false;
  await recordAudit(manager, {
    at: now,
    actor: SYSTEM_ACTORS.sweep,
    action: expired ? AuditAction.ROLE_GRANT_EXPIRED : AuditAction.ROLE_GRANT_REMOVED_UNCERTIFIED,
    target: { type: "RoleGrant", id: grant.id },
    accessRequestId: grant.requestId,
    subjectUserId: grant.userId,
    roleId: grant.roleId,
    requestId: runId,
    outcome: endState,
    details: expired
      ? { applicationId: grant.applicationId, expiresAt: grant.expiresAt!.toISOString() }
      : { applicationId: grant.applicationId, certificationDueOn: grant.certificationDueOn },
  });
  return true;
}
