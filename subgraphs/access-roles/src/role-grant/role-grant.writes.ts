import { requireViewer } from "@portal-graph/subgraph-kit";
import { InputChecks, userError, type UserError } from "../user-errors.js";
import { recordAudit } from "../audit/audit.js";
import { AuditAction } from "../audit/audit-event.entity.js";
import { CERTIFICATION_PERIOD_DAYS, CERTIFICATION_WINDOW_DAYS, MAX_TEXT } from "../config.js";
import type { AccessRolesContext } from "../context.js";
import { approvedApplications, mayApproveIn, maySee } from "../shared/permissions.js";
import { addDays, dayOf } from "../shared/time.js";
import { Refused } from "@portal-graph/subgraph-kit";
import { logRefusal, runWrite } from "../shared/write.js";
import { RoleGrant, RoleGrantStatus } from "./role-grant.entity.js";
import type { CertifyRoleGrantInput, RevokeRoleGrantInput } from "./role-grant.inputs.js";
import { isHeld } from "./role-grant.status.js";
import { changeHeldGrant } from "./role-grant.transitions.js";

/** What revokeRoleGrant and certifyRoleGrant answer. */
export interface GrantResult {
  roleGrant: RoleGrant | null;
  userErrors: UserError[];
}

const refused = (ctx: AccessRolesContext, action: string, userErrors: UserError[]): GrantResult => {
  logRefusal(ctx, action, userErrors);
  return { roleGrant: null, userErrors };
};

const notFound = () => userError("grantId", "ROLE_GRANT_NOT_FOUND", "There is no such role grant");
const ended = () => userError("grantId", "GRANT_ENDED", "The grant has already ended");

/** The grant, if it exists and the viewer may read it (otherwise the same refusal, so ids leak nothing). */
async function findGrant(ctx: AccessRolesContext, id: string): Promise<RoleGrant | null> {
  const grant = await ctx.loaders.roleGrantById.load(id);
  return grant && (await maySee(ctx, grant.userId, grant.applicationId)) ? grant : null;
}

/**
 * revokeRoleGrant: ends a held grant now, with a reason. The holder may give up their own grant; otherwise an
 * approver of the application or a portal admin. Exactly once, like a decision.
 */
export async function revokeRoleGrant(ctx: AccessRolesContext, input: RevokeRoleGrantInput): Promise<GrantResult> {
  const viewer = requireViewer(ctx);
  const reason = input.reason.trim();
  const checks = new InputChecks().text("reason", reason, MAX_TEXT, { required: true });
  if (!checks.ok) return refused(ctx, "revokeRoleGrant", checks.errors);
  const grant = await findGrant(ctx, input.grantId);
  if (!grant) return refused(ctx, "revokeRoleGrant", [notFound()]);
  const own = grant.userId === viewer.id;
  if (!own && !mayApproveIn(viewer, await approvedApplications(ctx), grant.applicationId)) {
    return refused(ctx, "revokeRoleGrant", [
      userError("grantId", "NOT_AN_APPROVER", "Only the holder or an approver of the application may revoke"),
    ]);
  }
  if (!isHeld(grant, new Date())) return refused(ctx, "revokeRoleGrant", [ended()]);
  const result = await runWrite(ctx, async (manager, at) => {
    const changes = {
      endState: RoleGrantStatus.REVOKED,
      endedAt: at,
      revokedAt: at,
      revokedBy: viewer.id,
      revokedReason: reason,
    } as const;
    if (!(await changeHeldGrant(manager, grant, changes))) throw new Refused([ended()]);
    await recordAudit(manager, {
      at,
      actor: viewer.id,
      action: AuditAction.ROLE_GRANT_REVOKED,
      target: { type: "RoleGrant", id: grant.id },
      accessRequestId: grant.requestId,
      subjectUserId: grant.userId,
      roleId: grant.roleId,
      requestId: ctx.requestId,
      outcome: RoleGrantStatus.REVOKED,
      details: { applicationId: grant.applicationId, byHolder: own },
    });
    return manager.findOneByOrFail(RoleGrant, { id: grant.id });
  });
  if (!result.value) return refused(ctx, "revokeRoleGrant", result.userErrors);
  return { roleGrant: result.value, userErrors: [] };
}

/**
 * certifyRoleGrant: an approver of the application (or a portal admin), never the holder, confirms a held grant
 * is still needed; it is then due again a year on. Certification opens CERTIFICATION_WINDOW_DAYS before the due
 * day, so each grant is certified once a year.
 */
export async function certifyRoleGrant(ctx: AccessRolesContext, input: CertifyRoleGrantInput): Promise<GrantResult> {
  const viewer = requireViewer(ctx);
  const grant = await findGrant(ctx, input.grantId);
  if (!grant) return refused(ctx, "certifyRoleGrant", [notFound()]);
  if (grant.userId === viewer.id) {
    return refused(ctx, "certifyRoleGrant", [
      userError("grantId", "HOLDER_CANNOT_CERTIFY", "You cannot certify your own grant"),
    ]);
  }
  if (!mayApproveIn(viewer, await approvedApplications(ctx), grant.applicationId)) {
    return refused(ctx, "certifyRoleGrant", [
      userError("grantId", "NOT_AN_APPROVER", "Only an approver of the application may certify its grants"),
    ]);
  }
  const now = new Date();
  if (!isHeld(grant, now)) return refused(ctx, "certifyRoleGrant", [ended()]);
  const opensOn = dayOf(addDays(new Date(`${grant.certificationDueOn}T00:00:00Z`), -CERTIFICATION_WINDOW_DAYS));
  if (dayOf(now) < opensOn) {
    return refused(ctx, "certifyRoleGrant", [
      userError(
        "grantId",
        "CERTIFICATION_NOT_DUE",
        `Certified for this year: the next certification opens on ${opensOn} (due ${grant.certificationDueOn})`,
      ),
    ]);
  }
  const result = await runWrite(ctx, async (manager, at) => {
    const certificationDueOn = dayOf(addDays(at, CERTIFICATION_PERIOD_DAYS));
    const changes = { lastCertifiedAt: at, lastCertifiedBy: viewer.id, certificationDueOn };
    if (!(await changeHeldGrant(manager, grant, changes))) {
      throw new Refused([userError("grantId", "ALREADY_CERTIFIED", "Someone certified or ended this grant just now")]);
    }
    await recordAudit(manager, {
      at,
      actor: viewer.id,
      action: AuditAction.ROLE_GRANT_CERTIFIED,
      target: { type: "RoleGrant", id: grant.id },
      accessRequestId: grant.requestId,
      subjectUserId: grant.userId,
      roleId: grant.roleId,
      requestId: ctx.requestId,
      outcome: "CERTIFIED",
      details: { applicationId: grant.applicationId, previousDueOn: grant.certificationDueOn, certificationDueOn },
    });
    return manager.findOneByOrFail(RoleGrant, { id: grant.id });
  });
  if (!result.value) return refused(ctx, "certifyRoleGrant", result.userErrors);
  return { roleGrant: result.value, userErrors: [] };
}
