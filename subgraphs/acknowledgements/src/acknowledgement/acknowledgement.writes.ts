import type { EntityManager } from "typeorm";
import { isPostgres, requireViewer, runWrite } from "@portal-graph/subgraph-kit";
import { InputChecks, userError, type UserErrorCode } from "../user-errors.js";
import { now as clockNow, today } from "../clock.js";
import { standingOf } from "../compliance/compliance.service.js";
import { ComplianceStatus, validUntilOf } from "../compliance/status.js";
import type { AcknowledgementsContext } from "../context.js";
import { AcknowledgementMethod, PolicyScope, RenewalKind } from "../policy/policy.types.js";
import { Acknowledgement, AcknowledgementUser } from "./acknowledgement.entity.js";
import { latestAcknowledgementOf } from "./acknowledgement.queries.js";
import type { AcknowledgePolicyInput, AcknowledgePolicyPayload } from "./acknowledgement.write-types.js";

/**
 * The viewer acknowledges a version of a policy. Refusals are userErrors and write nothing: an unknown version
 * (NOT_FOUND), a notice (NO_ACKNOWLEDGEMENT_NEEDED), a version other than the one in effect (NOT_CURRENT_VERSION),
 * another application than the rules' own (WRONG_APPLICATION). Acknowledging the version already acknowledged while
 * that acknowledgement is CURRENT returns it and writes nothing; once it is DUE_SOON a new one renews it early.
 */
export async function acknowledgePolicy(
  ctx: AcknowledgementsContext,
  input: AcknowledgePolicyInput,
): Promise<AcknowledgePolicyPayload> {
  const viewer = requireViewer(ctx);
  const catalog = await ctx.loaders.catalog();
  const refuse = (field: string, code: UserErrorCode, message: string): AcknowledgePolicyPayload => ({
    acknowledgement: null,
    created: false,
    userErrors: [userError(field, code, message)],
  });
  const version = catalog.versionById.get(input.policyVersionId);
  if (!version) return refuse("policyVersionId", "NOT_FOUND", `No policy version has id ${input.policyVersionId}`);
  const policy = catalog.policyById.get(version.policyId)!;
  if (policy.renewalKind === RenewalKind.NONE) {
    return refuse(
      "policyVersionId",
      "NO_ACKNOWLEDGEMENT_NEEDED",
      `${policy.title} is a notice: it needs no acknowledgement`,
    );
  }
  const at = clockNow();
  const current = catalog.currentVersionOf(policy.id, today(at));
  if (current?.id !== version.id) {
    const which = current ? `the current version is ${current.id}` : "no version is in effect yet";
    return refuse("policyVersionId", "NOT_CURRENT_VERSION", `${version.id} is not the version in effect: ${which}`);
  }
  let applicationId = input.applicationId ?? null;
  if (policy.scope === PolicyScope.APPLICATION_USERS) {
    if (applicationId !== null && applicationId !== policy.applicationId) {
      return refuse("applicationId", "WRONG_APPLICATION", `${policy.title} is for ${policy.applicationId} only`);
    }
    applicationId = policy.applicationId;
  } else {
    const checks = new InputChecks().slug("applicationId", applicationId);
    if (!checks.ok) return { acknowledgement: null, created: false, userErrors: checks.errors };
  }

  // Nothing here refuses inside the transaction: the checks above did; runWrite clears the request's loaders.
  const { value: outcome } = await runWrite(ctx, async (manager) => {
    await holdUser(manager, viewer.id, at);
    const latest = await latestAcknowledgementOf(manager, viewer.id, policy.id);
    if (latest && latest.policyVersionId === version.id) {
      const { judgement } = standingOf(catalog, policy, latest, viewer.authTime, at);
      if (judgement.status === ComplianceStatus.CURRENT) return { acknowledgement: latest, created: false };
    }
    const row = {
      userId: viewer.id,
      policyId: policy.id,
      policyVersionId: version.id,
      acknowledgedAt: at,
      method: input.method ?? AcknowledgementMethod.ELECTRONIC,
      validUntil: validUntilOf(policy, at),
      applicationId,
      requestId: ctx.requestId,
    };
    const { identifiers } = await manager.insert(Acknowledgement, row);
    return {
      acknowledgement: Object.assign(new Acknowledgement(), row, { id: Number(identifiers[0]!.id) }),
      created: true,
    };
  });
  return { ...outcome!, userErrors: [] };
}

/**
 * Records the user as seen (report population) and, on PostgreSQL, locks their row for the transaction, so two
 * acknowledgements by one user at once take turns and the second sees the first (no duplicate on a double click).
 * SQLite transactions already take turns (the kit's writeTransaction, under runWrite).
 */
async function holdUser(manager: EntityManager, userId: string, at: Date): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AcknowledgementUser)
    .values({ userId, firstSeenAt: at })
    .orIgnore()
    .execute();
  if (isPostgres(manager.connection)) {
    await manager.findOne(AcknowledgementUser, { where: { userId }, lock: { mode: "pessimistic_write" } });
  }
}
