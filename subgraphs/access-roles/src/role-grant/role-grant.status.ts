import { missingPrerequisites, type PolicyKind } from "../shared/policy-kind.js";
import { dayOf } from "../shared/time.js";
import type { Role } from "../role/role.entity.js";
import { RoleGrantStatus, type RoleGrant } from "./role-grant.entity.js";

/**
 * True while a grant has not ended by its stored facts: not revoked, expired or removed, not past its end date,
 * not past its certification due date (whether or not the sweep has run). Such a grant is "held".
 */
export function isHeld(grant: RoleGrant, now: Date): boolean {
  if (grant.endState) return false;
  if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) return false;
  return grant.certificationDueOn >= dayOf(now);
}

/**
 * A grant's status now: stored endings first, then the dates the sweep may not have reached yet, then (for a
 * privileged role) the holder's acknowledgements. `known` is what the gateway sent; unknown counts as missing.
 */
export function grantStatus(grant: RoleGrant, role: Role, now: Date, known?: string[] | null): RoleGrantStatus {
  if (grant.endState) return RoleGrantStatus[grant.endState];
  if (grant.expiresAt && grant.expiresAt.getTime() <= now.getTime()) return RoleGrantStatus.EXPIRED;
  if (grant.certificationDueOn < dayOf(now)) return RoleGrantStatus.REMOVED_UNCERTIFIED;
  if (role.privileged && missingPrerequisites(known).length > 0) return RoleGrantStatus.AWAITING_PREREQUISITES;
  return RoleGrantStatus.ACTIVE;
}

/** What a held privileged grant waits for; empty for an ordinary role or a grant that has ended. */
export function grantMissing(grant: RoleGrant, role: Role, now: Date, known?: string[] | null): PolicyKind[] {
  if (!role.privileged || !isHeld(grant, now)) return [];
  return missingPrerequisites(known);
}
