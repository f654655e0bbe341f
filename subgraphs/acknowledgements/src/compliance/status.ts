import { registerEnumType } from "type-graphql";
import { addDays, today } from "../clock.js";
import { RenewalKind } from "../policy/policy.types.js";

/** Where a user stands with one policy. */
export enum ComplianceStatus {
  CURRENT = "CURRENT",
  DUE_SOON = "DUE_SOON",
  EXPIRED = "EXPIRED",
  NEVER_ACKNOWLEDGED = "NEVER_ACKNOWLEDGED",
  NEW_VERSION = "NEW_VERSION",
}
registerEnumType(ComplianceStatus, {
  name: "ComplianceStatus",
  description: "Where a user stands with one policy; CURRENT and DUE_SOON count as compliant.",
  valuesConfig: {
    CURRENT: { description: "Acknowledged, and valid beyond the due-soon window." },
    DUE_SOON: { description: "Acknowledged and valid, but lapsing within the due-soon window (30 days)." },
    EXPIRED: {
      description:
        "The acknowledgement lapsed (its period ran out, or, for the banner, it was for an earlier sign-in).",
    },
    NEVER_ACKNOWLEDGED: { description: "No acknowledgement of any version." },
    NEW_VERSION: { description: "The acknowledgement is of an earlier version that a new one no longer accepts." },
  },
});

/** How long before an acknowledgement lapses it shows as DUE_SOON. */
export const DUE_SOON_DAYS = 30;

/** Statuses that count as compliant. */
export const COMPLIANT_STATUSES: readonly ComplianceStatus[] = [ComplianceStatus.CURRENT, ComplianceStatus.DUE_SOON];

/** The policy facts judging needs. */
export interface RenewalRule {
  renewalKind: RenewalKind;
  renewalDays: number | null;
}

/** The version facts judging needs. */
export interface VersionFacts {
  id: string;
  version: number;
  effectiveOn: string;
  keepsEarlierAcknowledgements: boolean;
}

/** The acknowledgement facts judging needs. */
export interface AcknowledgementFacts {
  policyVersionId: string;
  acknowledgedAt: Date;
  validUntil: Date | null;
}

/** What judging asks. */
export interface JudgeInput {
  policy: RenewalRule;
  /** Every version of the policy (any order). */
  versions: readonly VersionFacts[];
  current: VersionFacts;
  /** The user's latest acknowledgement of the policy, of any version. */
  latest: AcknowledgementFacts | null;
  /**
   * The sign-in (the token's auth_time) of the user being judged, known only when they ask about themselves.
   * Without it an EVERY_SIGN_IN acknowledgement cannot be tied to a sign-in and stands as long as its version does.
   */
  signedInAt: Date | null;
  now: Date;
}

/** A status with the day it is (or was) due: null when nothing will come due (banner or ON_NEW_VERSION, current). */
export interface Judgement {
  status: ComplianceStatus;
  dueBy: string | null;
}

/** When an acknowledgement made at `at` lapses: after the period for PERIOD, never on its own otherwise. */
export function validUntilOf(policy: RenewalRule, at: Date): Date | null {
  return policy.renewalKind === RenewalKind.PERIOD && policy.renewalDays ? addDays(at, policy.renewalDays) : null;
}

/** True when an acknowledgement of `acknowledged` still counts for `current`: every later version kept earlier ones. */
export function stillAccepted(
  acknowledged: VersionFacts | undefined,
  current: VersionFacts,
  versions: readonly VersionFacts[],
): boolean {
  if (!acknowledged) return false;
  return versions
    .filter((version) => version.version > acknowledged.version && version.version <= current.version)
    .every((version) => version.keepsEarlierAcknowledgements);
}

/**
 * Judges one user against one policy. Order matters: nothing acknowledged, then an acknowledgement a newer version
 * no longer accepts, then lapsed, then lapsing soon. dueBy: today for what is due now (never acknowledged, or the
 * banner at a new sign-in), the new version's effective day for NEW_VERSION, the lapse day for PERIOD policies.
 */
export function judge({ policy, versions, current, latest, signedInAt, now }: JudgeInput): Judgement {
  if (!latest) return { status: ComplianceStatus.NEVER_ACKNOWLEDGED, dueBy: today(now) };
  const acknowledged = versions.find((version) => version.id === latest.policyVersionId);
  if (!stillAccepted(acknowledged, current, versions)) {
    return { status: ComplianceStatus.NEW_VERSION, dueBy: current.effectiveOn };
  }
  switch (policy.renewalKind) {
    case RenewalKind.EVERY_SIGN_IN:
      if (signedInAt && latest.acknowledgedAt.getTime() < signedInAt.getTime()) {
        return { status: ComplianceStatus.EXPIRED, dueBy: today(now) };
      }
      return { status: ComplianceStatus.CURRENT, dueBy: null };
    case RenewalKind.PERIOD: {
      const lapses = latest.validUntil ?? validUntilOf(policy, latest.acknowledgedAt)!;
      const dueBy = today(lapses);
      if (now.getTime() >= lapses.getTime()) return { status: ComplianceStatus.EXPIRED, dueBy };
      if (now.getTime() >= addDays(lapses, -DUE_SOON_DAYS).getTime())
        return { status: ComplianceStatus.DUE_SOON, dueBy };
      return { status: ComplianceStatus.CURRENT, dueBy };
    }
    default:
      return { status: ComplianceStatus.CURRENT, dueBy: null };
  }
}
