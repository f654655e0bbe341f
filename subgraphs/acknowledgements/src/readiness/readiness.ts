import type { ReadinessPart } from "@portal-graph/subgraph-kit";
import type { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { complianceOf } from "../compliance/compliance.service.js";
import { ComplianceStatus, COMPLIANT_STATUSES } from "../compliance/status.js";
import type { PolicyCatalog } from "../policy/policy.catalog.js";
import { RenewalKind } from "../policy/policy.types.js";

type AcknowledgementBlocker = Extract<ReadinessPart, { kind: "ACKNOWLEDGEMENT_REQUIRED" }>;

const BECAUSE: Record<AcknowledgementBlocker["reason"], string> = {
  NEVER_ACKNOWLEDGED: "you have not acknowledged it yet",
  EXPIRED: "your acknowledgement has lapsed",
  NEW_VERSION: "a new version replaced the one you acknowledged",
  EVERY_SIGN_IN: "it is acknowledged at every sign-in",
};

function reasonOf(status: ComplianceStatus): AcknowledgementBlocker["reason"] {
  if (status === ComplianceStatus.NEVER_ACKNOWLEDGED) return "NEVER_ACKNOWLEDGED";
  return status === ComplianceStatus.NEW_VERSION ? "NEW_VERSION" : "EXPIRED";
}

/**
 * What the viewer must acknowledge before using an application: exactly the requirements of
 * `me.compliance(applicationId:)` that are not CURRENT or DUE_SOON, in the same order (everyone's first, then the
 * application's own rules). Privileged-user policies are access-roles' to raise, through the grant that needs them.
 */
export function acknowledgementBlockers(
  catalog: PolicyCatalog,
  latest: ReadonlyMap<string, Acknowledgement>,
  applicationId: string,
  signedInAt: Date | null,
  now: Date,
): AcknowledgementBlocker[] {
  const { requirements } = complianceOf(catalog, latest, { applicationId, privileged: false }, signedInAt, now);
  return requirements
    .filter((requirement) => !COMPLIANT_STATUSES.includes(requirement.status))
    .map((requirement) => {
      const reason =
        requirement.policy.renewalKind === RenewalKind.EVERY_SIGN_IN ? "EVERY_SIGN_IN" : reasonOf(requirement.status);
      return {
        kind: "ACKNOWLEDGEMENT_REQUIRED",
        message: `Acknowledge "${requirement.policy.title}" (version ${requirement.version.version}): ${BECAUSE[reason]}.`,
        policyVersionId: requirement.version.id,
        reason,
        dueBy: requirement.dueBy,
      };
    });
}
