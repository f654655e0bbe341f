import type { AccessRolesContext } from "../context.js";
import { isHeld } from "../role-grant/role-grant.status.js";
import type { RoleGrant } from "../role-grant/role-grant.entity.js";
import type { Role } from "../role/role.entity.js";
import { missingPrerequisites } from "../shared/policy-kind.js";
import { requestStatus } from "./access-request.status.js";
import { type AccessBlocker, AccessBlockerKind, AccessRequestStatus } from "./access-request.types.js";
import type { AccessRequest } from "./access-request.entity.js";

/** A reason found in stored facts alone, before any role or acknowledgement is looked up for display. */
export interface StandingProblem {
  kind: AccessBlockerKind.ROLE_ALREADY_HELD | AccessBlockerKind.CONFLICTING_ROLE_HELD;
  conflictingRoleId: string | null;
}

/**
 * What the requester's held grants say about getting `role`: already held, or held roles that conflict with it.
 * The same rule refuses requestAccess and decideAccessRequest and fills AccessRequest.blockers.
 */
export function standingProblems(role: Role, grants: readonly RoleGrant[], now: Date): StandingProblem[] {
  const held = new Set(grants.filter((grant) => isHeld(grant, now)).map((grant) => grant.roleId));
  const problems: StandingProblem[] = [];
  if (held.has(role.id)) problems.push({ kind: AccessBlockerKind.ROLE_ALREADY_HELD, conflictingRoleId: null });
  for (const conflicting of role.conflictsWithIds) {
    if (held.has(conflicting)) {
      problems.push({ kind: AccessBlockerKind.CONFLICTING_ROLE_HELD, conflictingRoleId: conflicting });
    }
  }
  return problems;
}

/**
 * What stands between a pending request and working access now. `known` is the requester's missing
 * acknowledgements as the gateway sent them; unknown counts as missing (see missingPrerequisites).
 */
export async function blockersOf(
  ctx: AccessRolesContext,
  request: AccessRequest,
  known?: string[] | null,
): Promise<AccessBlocker[]> {
  const now = new Date();
  if (requestStatus(request, now) !== AccessRequestStatus.PENDING) return [];
  const [role, grants] = await Promise.all([
    ctx.loaders.roleById.load(request.roleId),
    ctx.loaders.roleGrantsByUserId.load(request.requesterId),
  ]);
  // The foreign key makes a missing role impossible; say so plainly if it ever happens.
  if (!role) throw new Error(`role ${request.roleId} of access request ${request.id} does not exist`);
  const blockers: AccessBlocker[] = [];
  for (const problem of standingProblems(role, grants, now)) {
    const conflictingRole = problem.conflictingRoleId
      ? await ctx.loaders.roleById.load(problem.conflictingRoleId)
      : null;
    blockers.push({
      kind: problem.kind,
      blocksApproval: true,
      conflictingRole,
      acknowledgement: null,
      message:
        problem.kind === AccessBlockerKind.ROLE_ALREADY_HELD
          ? `The requester already holds ${role.name}`
          : `The requester holds ${conflictingRole?.name ?? problem.conflictingRoleId}, which conflicts with ${role.name}`,
    });
  }
  if (!role.requestable) {
    blockers.push({
      kind: AccessBlockerKind.ROLE_NOT_REQUESTABLE,
      blocksApproval: true,
      conflictingRole: null,
      acknowledgement: null,
      message: `${role.name} is no longer requestable`,
    });
  }
  if (role.privileged) {
    for (const kind of missingPrerequisites(known)) {
      blockers.push({
        kind: AccessBlockerKind.MISSING_ACKNOWLEDGEMENT,
        blocksApproval: false,
        conflictingRole: null,
        acknowledgement: kind,
        message: `${role.name} is privileged: the grant waits until the requester acknowledges ${kind}`,
      });
    }
  }
  return blockers;
}
