import type { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { today } from "../clock.js";
import type { PolicyCatalog } from "../policy/policy.catalog.js";
import type { Policy } from "../policy/policy.entity.js";
import type { PolicyVersion } from "../policy/policy-version.entity.js";
import { PRIVILEGED_PREREQUISITES } from "@portal-graph/policy-kinds";
import { PolicyScope, type PolicyKind } from "../policy/policy.types.js";
import type { Compliance, ComplianceRequirement } from "./compliance.types.js";
import { COMPLIANT_STATUSES, judge, type Judgement } from "./status.js";

/** Whose requirements: the users of an application, and whether they hold privileged access. */
export interface ComplianceScope {
  applicationId: string | null;
  privileged: boolean;
}

/**
 * The policies to acknowledge, in catalog order: everyone's always; privileged users' when privileged; an
 * application's own rules for that application. Notices (renewal NONE) and policies not yet in effect never count.
 */
export function requiredPolicies(catalog: PolicyCatalog, scope: ComplianceScope, day: string): Policy[] {
  return catalog.acknowledgeable(day).filter((policy) => {
    if (policy.scope === PolicyScope.ALL_USERS) return true;
    if (policy.scope === PolicyScope.PRIVILEGED_USERS) return scope.privileged;
    return scope.applicationId !== null && policy.applicationId === scope.applicationId;
  });
}

/** Where a user stands with one policy in effect, from their latest acknowledgement of it. */
export function standingOf(
  catalog: PolicyCatalog,
  policy: Policy,
  latest: Acknowledgement | null,
  signedInAt: Date | null,
  now: Date,
): { version: PolicyVersion; judgement: Judgement } {
  const version = catalog.currentVersionOf(policy.id, today(now))!;
  const judgement = judge({
    policy,
    versions: catalog.versionsOf(policy.id),
    current: version,
    latest,
    signedInAt,
    now,
  });
  return { version, judgement };
}

/** A user's compliance from their latest acknowledgement per policy id; no statement of its own. */
export function complianceOf(
  catalog: PolicyCatalog,
  latestByPolicy: ReadonlyMap<string, Acknowledgement>,
  scope: ComplianceScope,
  signedInAt: Date | null,
  now: Date,
): Compliance {
  const requirements: ComplianceRequirement[] = requiredPolicies(catalog, scope, today(now)).map((policy) => {
    const acknowledgement = latestByPolicy.get(policy.id) ?? null;
    const { version, judgement } = standingOf(catalog, policy, acknowledgement, signedInAt, now);
    return { policy, version, acknowledgement, ...judgement };
  });
  return {
    compliant: requirements.every((requirement) => COMPLIANT_STATUSES.includes(requirement.status)),
    requirements,
  };
}

/**
 * The prerequisite kinds a user does not hold as CURRENT or DUE_SOON (every policy in effect of the kind counts).
 * The banner is not among them, so no sign-in time is needed and the answer is the same whoever asks.
 */
export function missingPrivileged(
  catalog: PolicyCatalog,
  latestByPolicy: ReadonlyMap<string, Acknowledgement>,
  now: Date,
): PolicyKind[] {
  const policies = catalog.acknowledgeable(today(now));
  return PRIVILEGED_PREREQUISITES.filter((kind) =>
    policies
      .filter((policy) => policy.kind === kind)
      .some((policy) => {
        const { judgement } = standingOf(catalog, policy, latestByPolicy.get(policy.id) ?? null, null, now);
        return !COMPLIANT_STATUSES.includes(judgement.status);
      }),
  );
}
