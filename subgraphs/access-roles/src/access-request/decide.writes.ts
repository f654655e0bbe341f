import { randomUUID } from "node:crypto";
import { In, type EntityManager } from "typeorm";
import { requireViewer } from "@portal-graph/subgraph-kit";
import { InputChecks, userError, type UserError } from "../user-errors.js";
import { recordAudit } from "../audit/audit.js";
import { AuditAction } from "../audit/audit-event.entity.js";
import { CERTIFICATION_PERIOD_DAYS, MAX_TEXT } from "../config.js";
import type { AccessRolesContext } from "../context.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { Role } from "../role/role.entity.js";
import { approvedApplications, mayApproveIn, maySee } from "../shared/permissions.js";
import { addDays, dayOf } from "../shared/time.js";
import { Refused } from "@portal-graph/subgraph-kit";
import { logRefusal, runWrite } from "../shared/write.js";
import { settleGrant } from "../sweep/sweep-steps.js";
import { AccessDecision, AccessRequest } from "./access-request.entity.js";
import type { DecideAccessRequestInput } from "./access-request.inputs.js";
import { requestStatus } from "./access-request.status.js";
import { closePending } from "./access-request.transitions.js";
import { notPending, requestNotFound, standingRefusal } from "./access-request.writes.js";
import { AccessBlockerKind, AccessRequestStatus, DecisionOutcome } from "./access-request.types.js";
import { standingProblems, type StandingProblem } from "./blockers.js";

/** What decideAccessRequest answers. */
export interface DecideResult {
  accessRequest: AccessRequest | null;
  roleGrant: RoleGrant | null;
  userErrors: UserError[];
}

const refused = (ctx: AccessRolesContext, userErrors: UserError[]): DecideResult => {
  logRefusal(ctx, "decideAccessRequest", userErrors);
  return { accessRequest: null, roleGrant: null, userErrors };
};

/**
 * decideAccessRequest: an approver of the role's application (or a portal admin), never the requester, approves
 * or rejects (with a comment) a pending request, exactly once. Two deciders at the same moment both pass the
 * checks; the conditional update lets one through and the other gets ALREADY_DECIDED with nothing written.
 * Approval grants the role (expiring after the role's maximum duration, certification due in a year).
 */
export async function decideAccessRequest(
  ctx: AccessRolesContext,
  input: DecideAccessRequestInput,
): Promise<DecideResult> {
  const viewer = requireViewer(ctx);
  const comment = input.comment?.trim() || null;
  const checks = new InputChecks().text("comment", comment, MAX_TEXT);
  if (input.decision === DecisionOutcome.REJECTED && !comment) {
    checks.add("comment", "COMMENT_REQUIRED", "A comment is required to reject a request");
  }
  if (!checks.ok) return refused(ctx, checks.errors);
  const request = await ctx.loaders.accessRequestById.load(input.requestId);
  if (!request || !(await maySee(ctx, request.requesterId, request.applicationId))) {
    return refused(ctx, [requestNotFound()]);
  }
  if (request.requesterId === viewer.id) {
    return refused(ctx, [
      userError("requestId", "REQUESTER_CANNOT_DECIDE", "You cannot decide your own access request"),
    ]);
  }
  if (!mayApproveIn(viewer, await approvedApplications(ctx), request.applicationId)) {
    return refused(ctx, [
      userError("requestId", "NOT_AN_APPROVER", "Only an approver of the application may decide this request"),
    ]);
  }
  const status = requestStatus(request, new Date());
  if (status !== AccessRequestStatus.PENDING) return refused(ctx, [notPending(status)]);
  const role = (await ctx.loaders.roleById.load(request.roleId))!;
  const approving = input.decision === DecisionOutcome.APPROVED;
  if (approving && !role.requestable) {
    return refused(ctx, [userError("requestId", "ROLE_NOT_REQUESTABLE", `${role.name} is no longer requestable`)]);
  }
  const result = await runWrite(
    ctx,
    async (manager, at) => {
      const outcome = approving ? AccessRequestStatus.APPROVED : AccessRequestStatus.REJECTED;
      if (!(await closePending(manager, request, outcome, at))) {
        const current = await manager.findOneByOrFail(AccessRequest, { id: request.id });
        throw new Refused([notPending(requestStatus(current, at))]);
      }
      await manager.insert(AccessDecision, {
        id: randomUUID(),
        requestId: request.id,
        approverId: viewer.id,
        decision: input.decision,
        comment,
        decidedAt: at,
      });
      const audit = {
        at,
        actor: viewer.id,
        accessRequestId: request.id,
        subjectUserId: request.requesterId,
        roleId: role.id,
        requestId: ctx.requestId,
      };
      await recordAudit(manager, {
        ...audit,
        action: approving ? AuditAction.ACCESS_REQUEST_APPROVED : AuditAction.ACCESS_REQUEST_REJECTED,
        target: { type: "AccessRequest", id: request.id },
        outcome,
        details: { applicationId: role.applicationId, commented: comment !== null },
      });
      let grant: RoleGrant | null = null;
      if (approving) {
        // Checked inside the transaction, after the request is ours to decide: a rival decider then always sees
        // ALREADY_DECIDED, and a grant made since the caller read the requester's roles still refuses.
        const grants = await manager.findBy(RoleGrant, { userId: request.requesterId });
        const problems = standingProblems(role, grants, at);
        if (problems.length) throw new Refused(await standingRefusals(manager, role, problems));
        // An ended-by-date grant of the same role the sweep has not reached still holds the one-held index.
        for (const stale of grants.filter((old) => old.roleId === role.id && !old.endState)) {
          await settleGrant(manager, stale, at, ctx.requestId);
        }
        grant = grantFor(request, role, viewer.id, at);
        await manager.insert(RoleGrant, grant);
        await recordAudit(manager, {
          ...audit,
          action: AuditAction.ROLE_GRANTED,
          target: { type: "RoleGrant", id: grant.id },
          outcome: "GRANTED",
          details: {
            applicationId: role.applicationId,
            privileged: role.privileged,
            expiresAt: grant.expiresAt?.toISOString() ?? null,
            certificationDueOn: grant.certificationDueOn,
          },
        });
      }
      const decided = await manager.findOneByOrFail(AccessRequest, { id: request.id });
      return { accessRequest: decided, roleGrant: grant };
    },
    [
      {
        constraint: "access_decision_one_per_request",
        columns: "access_decision.request_id",
        refusal: notPending(AccessRequestStatus.APPROVED),
      },
      {
        constraint: "role_grant_one_held",
        columns: "role_grant.user_id, role_grant.role_id",
        refusal: standingRefusal("requestId", AccessBlockerKind.ROLE_ALREADY_HELD, role.name),
      },
    ],
  );
  if (!result.value) return refused(ctx, result.userErrors);
  return { ...result.value, userErrors: [] };
}

async function standingRefusals(manager: EntityManager, role: Role, problems: StandingProblem[]): Promise<UserError[]> {
  const ids = problems.flatMap((problem) => (problem.conflictingRoleId ? [problem.conflictingRoleId] : []));
  const names = new Map(
    (ids.length ? await manager.findBy(Role, { id: In(ids) }) : []).map((other) => [other.id, other.name]),
  );
  return problems.map((problem) =>
    standingRefusal("requestId", problem.kind, role.name, names.get(problem.conflictingRoleId ?? "")),
  );
}

function grantFor(request: AccessRequest, role: Role, approverId: string, at: Date): RoleGrant {
  return Object.assign(new RoleGrant(), {
    id: randomUUID(),
    userId: request.requesterId,
    roleId: role.id,
    applicationId: role.applicationId,
    requestId: request.id,
    grantedAt: at,
    grantedBy: approverId,
    expiresAt: role.maxDurationDays ? addDays(at, role.maxDurationDays) : null,
    lastCertifiedAt: null,
    lastCertifiedBy: null,
    certificationDueOn: dayOf(addDays(at, CERTIFICATION_PERIOD_DAYS)),
    revokedAt: null,
    revokedBy: null,
    revokedReason: null,
    endedAt: null,
    endState: null,
    version: 0,
  });
}
