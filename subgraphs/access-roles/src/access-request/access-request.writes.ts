import { randomUUID } from "node:crypto";
import { requireViewer } from "@portal-graph/subgraph-kit";
import { InputChecks, userError, type UserError } from "../user-errors.js";
import { recordAudit } from "../audit/audit.js";
import { AuditAction } from "../audit/audit-event.entity.js";
import { accessRolesSettings, MAX_TEXT } from "../config.js";
import type { AccessRolesContext } from "../context.js";
import { maySee } from "../shared/permissions.js";
import { addDays } from "../shared/time.js";
import { Refused } from "@portal-graph/subgraph-kit";
import { logRefusal, runWrite } from "../shared/write.js";
import { expireRequest } from "../sweep/sweep-steps.js";
import { recordUser } from "../user/user.service.js";
import { AccessRequest } from "./access-request.entity.js";
import type { CancelAccessRequestInput, RequestAccessInput } from "./access-request.inputs.js";
import { requestStatus } from "./access-request.status.js";
import { closePending } from "./access-request.transitions.js";
import { AccessBlockerKind, AccessRequestStatus } from "./access-request.types.js";
import { standingProblems } from "./blockers.js";

/** What requestAccess and cancelAccessRequest answer. */
export interface RequestResult {
  accessRequest: AccessRequest | null;
  userErrors: UserError[];
}

const MIN_JUSTIFICATION = 10;

const refused = (action: string, ctx: AccessRolesContext, userErrors: UserError[]): RequestResult => {
  logRefusal(ctx, action, userErrors);
  return { accessRequest: null, userErrors };
};

/** The refusal a standing problem (role held, conflicting role held) means, on the named input field. */
export function standingRefusal(field: string, kind: AccessBlockerKind, roleName: string, other?: string): UserError {
  return kind === AccessBlockerKind.ROLE_ALREADY_HELD
    ? userError(field, "ROLE_ALREADY_HELD", `The requester already holds ${roleName}`)
    : userError(field, "CONFLICTING_ROLE_HELD", `${roleName} conflicts with ${other}, which the requester holds`);
}

/**
 * requestAccess: a pending request for a requestable role the viewer neither holds nor has asked for, with no
 * conflicting role held. Refusals are userErrors with nothing written; a concurrent duplicate trips the
 * one-pending-per-role index and gets the same refusal as the check.
 */
export async function requestAccess(ctx: AccessRolesContext, input: RequestAccessInput): Promise<RequestResult> {
  const viewer = requireViewer(ctx);
  const { requestTtlDays } = accessRolesSettings();
  const justification = input.justification.trim();
  const checks = new InputChecks().text("justification", justification, MAX_TEXT, { required: true });
  if (justification && justification.length < MIN_JUSTIFICATION) {
    checks.add("justification", "TOO_SHORT", `justification must be at least ${MIN_JUSTIFICATION} characters`);
  }
  if (!checks.ok) return refused("requestAccess", ctx, checks.errors);
  const role = await ctx.loaders.roleById.load(input.roleId);
  if (!role) return refused("requestAccess", ctx, [userError("roleId", "ROLE_NOT_FOUND", "There is no such role")]);
  if (!role.requestable) {
    return refused("requestAccess", ctx, [
      userError("roleId", "ROLE_NOT_REQUESTABLE", `${role.name} is not requestable`),
    ]);
  }
  const now = new Date();
  const [grants, requests, stored] = await Promise.all([
    ctx.loaders.roleGrantsByUserId.load(viewer.id),
    ctx.loaders.accessRequestsByUserId.load(viewer.id),
    ctx.loaders.userById.load(viewer.id),
  ]);
  const problems = standingProblems(role, grants, now);
  if (problems.length) {
    const names = await ctx.loaders.roleById.loadMany(problems.map((problem) => problem.conflictingRoleId ?? role.id));
    const nameOf = (index: number) => (names[index] as { name?: string } | null)?.name;
    return refused(
      "requestAccess",
      ctx,
      problems.map((problem, index) => standingRefusal("roleId", problem.kind, role.name, nameOf(index))),
    );
  }
  const sameRole = requests.filter((request) => request.roleId === role.id);
  if (sameRole.some((request) => requestStatus(request, now) === AccessRequestStatus.PENDING)) {
    return refused("requestAccess", ctx, [alreadyPending(role.name)]);
  }
  // A pending row past its expiry still holds the one-pending index until the sweep reaches it: expire it now.
  const lapsed = sameRole.filter((request) => request.storedStatus === AccessRequestStatus.PENDING);
  const result = await runWrite(
    ctx,
    async (manager, at) => {
      for (const request of lapsed) await expireRequest(manager, request, at, ctx.requestId);
      await recordUser(manager, viewer, stored);
      const request = Object.assign(new AccessRequest(), {
        id: randomUUID(),
        requesterId: viewer.id,
        roleId: role.id,
        applicationId: role.applicationId,
        justification,
        storedStatus: AccessRequestStatus.PENDING,
        createdAt: at,
        decidedAt: null,
        expiresAt: addDays(at, requestTtlDays),
        version: 0,
      });
      await manager.insert(AccessRequest, request);
      await recordAudit(manager, {
        at,
        actor: viewer.id,
        action: AuditAction.ACCESS_REQUESTED,
        target: { type: "AccessRequest", id: request.id },
        accessRequestId: request.id,
        subjectUserId: viewer.id,
        roleId: role.id,
        requestId: ctx.requestId,
        outcome: AccessRequestStatus.PENDING,
        details: { applicationId: role.applicationId, privileged: role.privileged, ttlDays: requestTtlDays },
      });
      return request;
    },
    [
      {
        constraint: "access_request_one_pending",
        columns: "access_request.requester_id, access_request.role_id",
        refusal: alreadyPending(role.name),
      },
    ],
  );
  if (!result.value) return refused("requestAccess", ctx, result.userErrors);
  return { accessRequest: result.value, userErrors: [] };
}

/** cancelAccessRequest: the requester withdraws a pending request; nobody else may. */
export async function cancelAccessRequest(
  ctx: AccessRolesContext,
  input: CancelAccessRequestInput,
): Promise<RequestResult> {
  const viewer = requireViewer(ctx);
  const request = await ctx.loaders.accessRequestById.load(input.requestId);
  if (!request || !(await maySee(ctx, request.requesterId, request.applicationId))) {
    return refused("cancelAccessRequest", ctx, [requestNotFound()]);
  }
  if (request.requesterId !== viewer.id) {
    return refused("cancelAccessRequest", ctx, [
      userError("requestId", "NOT_REQUESTER", "Only the requester may cancel a request"),
    ]);
  }
  const status = requestStatus(request, new Date());
  if (status !== AccessRequestStatus.PENDING) {
    return refused("cancelAccessRequest", ctx, [notPending(status)]);
  }
  const result = await runWrite(ctx, async (manager, at) => {
    if (!(await closePending(manager, request, AccessRequestStatus.CANCELLED, at))) {
      const current = await manager.findOneByOrFail(AccessRequest, { id: request.id });
      throw new Refused([notPending(requestStatus(current, at))]);
    }
    await recordAudit(manager, {
      at,
      actor: viewer.id,
      action: AuditAction.ACCESS_REQUEST_CANCELLED,
      target: { type: "AccessRequest", id: request.id },
      accessRequestId: request.id,
      subjectUserId: request.requesterId,
      roleId: request.roleId,
      requestId: ctx.requestId,
      outcome: AccessRequestStatus.CANCELLED,
    });
    return manager.findOneByOrFail(AccessRequest, { id: request.id });
  });
  if (!result.value) return refused("cancelAccessRequest", ctx, result.userErrors);
  return { accessRequest: result.value, userErrors: [] };
}

function alreadyPending(roleName: string): UserError {
  return userError("roleId", "REQUEST_ALREADY_PENDING", `A request for ${roleName} is already waiting for a decision`);
}

/** The refusal for a request id that does not exist or that the viewer may not read (the same, so ids leak nothing). */
export function requestNotFound(): UserError {
  return userError("requestId", "ACCESS_REQUEST_NOT_FOUND", "There is no such access request");
}

/** The refusal for acting on a request that is no longer pending, by what it became. */
export function notPending(status: AccessRequestStatus): UserError {
  switch (status) {
    case AccessRequestStatus.APPROVED:
    case AccessRequestStatus.REJECTED:
      return userError("requestId", "ALREADY_DECIDED", `The request was already ${status.toLowerCase()}`);
    case AccessRequestStatus.CANCELLED:
      return userError("requestId", "REQUEST_CANCELLED", "The requester cancelled the request");
    default:
      return userError("requestId", "REQUEST_EXPIRED", "The request expired undecided");
  }
}
