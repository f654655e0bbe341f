import type { ReadinessPart } from "@portal-graph/subgraph-kit";
import type { AccessRequest } from "../access-request/access-request.entity.js";
import type { RoleGrant } from "../role-grant/role-grant.entity.js";
import { RoleGrantStatus } from "../role-grant/role-grant.entity.js";
import { grantMissing, grantStatus, isHeld } from "../role-grant/role-grant.status.js";
import type { Role } from "../role/role.entity.js";

/** The second factors that satisfy MFA_REQUIRED, as the identity provider's amr claim names them (RFC 8176). */
export const MFA_FACTORS = ["otp", "hwk", "sms", "swk", "fpt"] as const;

/** What access-roles knows of one viewer in one application. */
export interface AccessFacts {
  /** The application's roles; none means the portal does not manage access to it, so no role is needed. */
  roles: readonly Role[];
  /** The viewer's grants (any application; the held ones of this application count). */
  grants: readonly RoleGrant[];
  /** The viewer's pending requests (any application). */
  pending: readonly AccessRequest[];
  /** Whether the sign-in used a second factor (the token's amr). */
  mfa: boolean;
  /** The acknowledgements subgraph's answer for the viewer; null when it could not answer. */
  missingPrivileged: string[] | null;
  now: Date;
}

/**
 * The viewer's access blockers for one application, in the order to resolve them, agreeing with `viewerAccess` and
 * `RoleGrant.status`:
 * - an ACTIVE grant of an ordinary role: nothing;
 * - only privileged grants that are ACTIVE: MFA_REQUIRED when the sign-in had no second factor (the rule is the
 *   role's: privileged access needs MFA, NIST SP 800-53 IA-2(1));
 * - only grants AWAITING_PREREQUISITES: GRANT_AWAITING_PREREQUISITES each (and MFA_REQUIRED as above), or UNKNOWN
 *   when the acknowledgements subgraph could not say what they wait for;
 * - no grant held: REQUEST_PENDING for each pending request, else ROLE_REQUIRED with the roles the viewer may ask for
 *   (those for which `viewerAccess.canRequest` holds; empty when none is requestable).
 */
export function accessBlockers(applicationId: string, facts: AccessFacts): ReadinessPart[] {
  if (facts.roles.length === 0) return [];
  const roleOf = new Map(facts.roles.map((role) => [role.id, role]));
  const held = facts.grants.filter((grant) => grant.applicationId === applicationId && isHeld(grant, facts.now));
  if (held.length > 0) return heldBlockers(held, roleOf, facts);

  const pending = facts.pending.filter((request) => request.applicationId === applicationId);
  if (pending.length > 0) {
    return pending.map((request) => ({
      kind: "REQUEST_PENDING",
      message: `Your request for ${roleOf.get(request.roleId)?.name ?? "a role"} is waiting for an approver.`,
      accessRequestId: request.id,
      requestedAt: request.createdAt.toISOString(),
    }));
  }
  const heldAnywhere = new Set(facts.grants.filter((grant) => isHeld(grant, facts.now)).map((grant) => grant.roleId));
  const requestable = facts.roles.filter(
    (role) => role.requestable && !role.conflictsWithIds.some((conflicting) => heldAnywhere.has(conflicting)),
  );
  return [
    {
      kind: "ROLE_REQUIRED",
      message:
        requestable.length > 0
          ? `Request a role to use this application: ${requestable.map((role) => role.name).join(", ")}.`
          : "You need a role in this application, and none can be requested here: contact its help desk.",
      roleIds: requestable.map((role) => role.id),
    },
  ];
}

function heldBlockers(held: RoleGrant[], roleOf: Map<string, Role>, facts: AccessFacts): ReadinessPart[] {
  const known = facts.missingPrivileged;
  const statusOf = (grant: RoleGrant) => grantStatus(grant, roleOf.get(grant.roleId)!, facts.now, known);
  const usable = held.filter((grant) => statusOf(grant) === RoleGrantStatus.ACTIVE);
  const privilegedOnly = held.every((grant) => roleOf.get(grant.roleId)?.privileged);
  const mfa: ReadinessPart[] =
    privilegedOnly && !facts.mfa
      ? [
          {
            kind: "MFA_REQUIRED",
            message: "Your role here is privileged: sign in again with a second factor (a code, a key or an app).",
            factors: [...MFA_FACTORS],
          },
        ]
      : [];
  if (usable.some((grant) => !roleOf.get(grant.roleId)?.privileged)) return [];
  if (usable.length > 0) return mfa;
  if (known === null) {
    return [
      {
        kind: "UNKNOWN",
        message: "Whether your privileged role is ready could not be checked: acknowledgements did not answer.",
        subgraph: "acknowledgements",
      },
      ...mfa,
    ];
  }
  const waiting: ReadinessPart[] = held.map((grant) => {
    const missing = grantMissing(grant, roleOf.get(grant.roleId)!, facts.now, known);
    return {
      kind: "GRANT_AWAITING_PREREQUISITES",
      message: `Your ${roleOf.get(grant.roleId)!.name} role starts once you acknowledge ${missing.map(policyName).join(" and ")}.`,
      roleGrantId: grant.id,
      missing,
    };
  });
  return [...waiting, ...mfa];
}

function policyName(kind: string): string {
  return kind === "PRIVILEGED_USER_ADDENDUM" ? "the privileged-user addendum" : "the Rules of Behavior";
}
