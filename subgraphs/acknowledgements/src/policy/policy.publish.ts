import { isPostgres, Refused, reportChanges, requireRole, runWrite } from "@portal-graph/subgraph-kit";
import { InputChecks, userError, type UserError } from "../user-errors.js";
import { isCalendarDay, now as clockNow, today } from "../clock.js";
import type { AcknowledgementsContext } from "../context.js";
import { PolicyChange } from "./policy-change.entity.js";
import { Policy } from "./policy.entity.js";
import { contentHashOf, PolicyVersion, versionIdOf } from "./policy-version.entity.js";
import type { PublishPolicyVersionInput, PublishPolicyVersionPayload } from "./policy.write-types.js";

const MAX_BODY = 20_000;

/**
 * Publishes the next version of a policy (POLICY_ADMIN; UNAUTHENTICATED / FORBIDDEN otherwise, nothing written).
 * One transaction writes the version and a policy_change row (actor, version, time, request id). Refusals:
 * REQUIRED / TOO_LONG body, INVALID_DATE, INVALID_OMB_CONTROL_NUMBER, INVALID_BURDEN, NOT_FOUND policy,
 * EFFECTIVE_BEFORE_LATEST, SAME_CONTENT (the text of the latest version again).
 */
export async function publishPolicyVersion(
  ctx: AcknowledgementsContext,
  input: PublishPolicyVersionInput,
): Promise<PublishPolicyVersionPayload> {
  const viewer = requireRole(ctx, "POLICY_ADMIN");
  const at = clockNow();
  const body = input.body.trim();
  const effectiveOn = input.effectiveOn ?? today(at);
  const checks = new InputChecks().text("body", body, MAX_BODY, { required: true });
  if (!isCalendarDay(effectiveOn)) checks.add("effectiveOn", "INVALID_DATE", 'effectiveOn must be a day, "YYYY-MM-DD"');
  if (input.omb) {
    if (!/^\d{4}-\d{4}$/.test(input.omb.controlNumber)) {
      checks.add("omb.controlNumber", "INVALID_OMB_CONTROL_NUMBER", "an OMB control number is NNNN-NNNN");
    }
    if (!isCalendarDay(input.omb.expiresOn)) {
      checks.add("omb.expiresOn", "INVALID_DATE", 'omb.expiresOn must be a day, "YYYY-MM-DD"');
    }
    if (!Number.isInteger(input.omb.burdenMinutes) || input.omb.burdenMinutes < 1 || input.omb.burdenMinutes > 10_000) {
      checks.add("omb.burdenMinutes", "INVALID_BURDEN", "omb.burdenMinutes must be 1 to 10000");
    }
  }
  if (!checks.ok) return { policyVersion: null, userErrors: checks.errors };

  const result = await runWrite<PolicyVersion, UserError>(ctx, async (manager) => {
    // Locking the policy row makes concurrent publishes of one policy take turns for the next version number.
    const lock = isPostgres(manager.connection) ? { mode: "pessimistic_write" as const } : undefined;
    const policy = await manager.findOne(Policy, { where: { id: input.policyId }, lock });
    if (!policy) throw new Refused([userError("policyId", "NOT_FOUND", `No policy has id ${input.policyId}`)]);
    const latest = await manager.findOne(PolicyVersion, {
      where: { policyId: policy.id },
      order: { version: "DESC" },
    });
    const contentHash = contentHashOf(body);
    if (latest && effectiveOn < latest.effectiveOn) {
      throw new Refused([
        userError("effectiveOn", "EFFECTIVE_BEFORE_LATEST", `The latest version takes effect on ${latest.effectiveOn}`),
      ]);
    }
    if (latest?.contentHash === contentHash) {
      throw new Refused([userError("body", "SAME_CONTENT", `The text is that of ${latest.id} already`)]);
    }
    const number = (latest?.version ?? 0) + 1;
    const version = Object.assign(new PolicyVersion(), {
      id: versionIdOf(policy.id, number),
      policyId: policy.id,
      version: number,
      effectiveOn,
      body,
      contentHash,
      supersedesId: latest?.id ?? null,
      keepsEarlierAcknowledgements: input.keepsEarlierAcknowledgements ?? false,
      ombControlNumber: input.omb?.controlNumber ?? null,
      ombExpiresOn: input.omb?.expiresOn ?? null,
      ombBurdenMinutes: input.omb?.burdenMinutes ?? null,
      publishedAt: at,
      publishedBy: viewer.id,
    });
    await manager.insert(PolicyVersion, version);
    await manager.insert(PolicyChange, {
      policyId: policy.id,
      policyVersionId: version.id,
      actor: viewer.id,
      action: "PUBLISH_VERSION",
      at,
      requestId: ctx.requestId,
      details: {
        version: number,
        effectiveOn,
        contentHash,
        keepsEarlierAcknowledgements: version.keepsEarlierAcknowledgements,
      },
    });
    return version;
  });
  ctx.loaders.forgetCatalog();
  // Committed: the gateway evicts what it cached of the policy and its versions.
  if (result.value) reportChanges(`Policy:${result.value.policyId}`, `PolicyVersion:${result.value.id}`);
  return { policyVersion: result.value, userErrors: result.userErrors };
}
