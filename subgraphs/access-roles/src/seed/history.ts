import { AccessRequestStatus, DecisionOutcome } from "../access-request/access-request.types.js";
import type { AccessDecision, AccessRequest } from "../access-request/access-request.entity.js";
import type { GrantEnd, RoleGrant } from "../role-grant/role-grant.entity.js";
import { addDays, dayOf } from "../shared/time.js";

type RequestRow = Omit<AccessRequest, "requesterMissingAcknowledgements">;
type GrantRow = Omit<RoleGrant, "holderMissingAcknowledgements">;

/** Seeded requests, decisions and grants, dated relative to `now` so every status shows whenever the seed runs. */
export interface SeedHistory {
  requests: RequestRow[];
  decisions: AccessDecision[];
  grants: GrantRow[];
}

function request(
  now: Date,
  requesterId: string,
  roleId: string,
  applicationId: string,
  status: AccessRequestStatus,
  ageDays: number,
  justification: string,
): RequestRow {
  const createdAt = addDays(now, -ageDays);
  const decided = status !== AccessRequestStatus.PENDING;
  return {
    id: `seed-request-${requesterId}-${roleId}`,
    requesterId,
    roleId,
    applicationId,
    justification,
    storedStatus: status,
    createdAt,
    decidedAt: decided ? addDays(createdAt, status === AccessRequestStatus.EXPIRED ? 30 : 2) : null,
    expiresAt: addDays(createdAt, 30),
    version: decided ? 1 : 0,
  };
}

interface GrantFacts {
  userId: string;
  roleId: string;
  applicationId: string;
  ageDays: number;
  grantedBy: string;
  requestId?: string;
  expiresInDays?: number;
  dueInDays?: number;
  end?: { state: GrantEnd; daysAgo: number; by?: string; reason?: string };
}

function grant(now: Date, facts: GrantFacts): GrantRow {
  const grantedAt = addDays(now, -facts.ageDays);
  const endedAt = facts.end ? addDays(now, -facts.end.daysAgo) : null;
  const revoked = facts.end?.state === "REVOKED";
  return {
    id: `seed-grant-${facts.userId}-${facts.roleId}`,
    userId: facts.userId,
    roleId: facts.roleId,
    applicationId: facts.applicationId,
    requestId: facts.requestId ?? null,
    grantedAt,
    grantedBy: facts.grantedBy,
    expiresAt: facts.expiresInDays === undefined ? null : addDays(now, facts.expiresInDays),
    lastCertifiedAt: null,
    lastCertifiedBy: null,
    certificationDueOn: dayOf(addDays(now, facts.dueInDays ?? 365 - facts.ageDays)),
    revokedAt: revoked ? endedAt : null,
    revokedBy: revoked ? (facts.end?.by ?? null) : null,
    revokedReason: revoked ? (facts.end?.reason ?? null) : null,
    endedAt,
    endState: facts.end?.state ?? null,
    version: facts.end ? 1 : 0,
  };
}

/**
 * bob approves PECOS AI and PECOS DM, dana QARM, erin DESY. dana, erin and frank carry a history in which every
 * request status (PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED) and every stored grant ending (EXPIRED,
 * REVOKED, REMOVED_UNCERTIFIED) shows; erin holds a privileged role, so AWAITING_PREREQUISITES or ACTIVE shows by
 * her acknowledgements. alice holds nothing: she is the demo requester.
 */
export function seedHistory(now: Date): SeedHistory {
  const requests = [
    request(now, "dana", "pecos-dm-viewer", "pecos-dm", AccessRequestStatus.PENDING, 2,
      "Help-desk tickets about Data Mart reports need me to see the reports users describe."),
    request(now, "erin", "qarm-user", "qarm", AccessRequestStatus.APPROVED, 40,
      "I maintain the QualityNet policy pages and need to see the QARM role catalog they describe."),
    request(now, "frank", "pecos-ai-administrator", "pecos-ai", AccessRequestStatus.REJECTED, 20,
      "Reviewing administrator activity would be easier from an administrator account."),
    request(now, "erin", "desy-data-requester", "desy", AccessRequestStatus.CANCELLED, 15,
      "Extract of policy acknowledgement data for the annual review."),
    request(now, "frank", "desy-data-requester", "desy", AccessRequestStatus.EXPIRED, 45,
      "Audit sample of DESY extracts for the quarterly access review."),
  ]; // prettier-ignore
  const decided = (id: string, approverId: string, decision: DecisionOutcome, comment: string | null) => {
    const row = requests.find((candidate) => candidate.id === id)!;
    return {
      id: `seed-decision-${id.slice("seed-request-".length)}`,
      requestId: id,
      approverId,
      decision,
      comment,
      decidedAt: row.decidedAt!,
    };
  };
  const decisions = [
    decided("seed-request-erin-qarm-user", "dana", DecisionOutcome.APPROVED, null),
    decided("seed-request-frank-pecos-ai-administrator", "bob", DecisionOutcome.REJECTED,
      "An auditor may not hold an administrator role on the system audited (separation of duties)."),
  ]; // prettier-ignore
  const grants = [
    grant(now, { userId: "bob", roleId: "pecos-ai-approver", applicationId: "pecos-ai", ageDays: 200, grantedBy: "carol" }),
    grant(now, { userId: "bob", roleId: "pecos-dm-approver", applicationId: "pecos-dm", ageDays: 200, grantedBy: "carol" }),
    grant(now, { userId: "dana", roleId: "qarm-approver", applicationId: "qarm", ageDays: 100, grantedBy: "carol" }),
    grant(now, { userId: "erin", roleId: "desy-approver", applicationId: "desy", ageDays: 100, grantedBy: "carol" }),
    grant(now, { userId: "erin", roleId: "qarm-user", applicationId: "qarm", ageDays: 38, grantedBy: "dana",
      requestId: "seed-request-erin-qarm-user" }),
    // Due in 20 days: inside the certification window, for certifyRoleGrant by bob.
    grant(now, { userId: "dana", roleId: "pecos-ai-security-auditor", applicationId: "pecos-ai", ageDays: 345,
      grantedBy: "bob", expiresInDays: 20, dueInDays: 20 }),
    grant(now, { userId: "erin", roleId: "desy-dua-administrator", applicationId: "desy", ageDays: 30, grantedBy: "carol",
      expiresInDays: 150 }),
    grant(now, { userId: "frank", roleId: "pecos-dm-viewer", applicationId: "pecos-dm", ageDays: 100, grantedBy: "bob",
      expiresInDays: -10, end: { state: "EXPIRED", daysAgo: 10 } }),
    grant(now, { userId: "dana", roleId: "desy-data-requester", applicationId: "desy", ageDays: 90, grantedBy: "erin",
      end: { state: "REVOKED", daysAgo: 5, by: "erin", reason: "The Data Use Agreement covering this access ended." } }),
    grant(now, { userId: "frank", roleId: "qarm-user", applicationId: "qarm", ageDays: 370, grantedBy: "dana",
      dueInDays: -5, end: { state: "REMOVED_UNCERTIFIED", daysAgo: 4 } }),
  ]; // prettier-ignore
  return { requests, decisions, grants };
}
