import type { DataSource } from "typeorm";
import { BadUserInputError, NotFoundError } from "@portal-graph/subgraph-kit";
import type { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { standingsAfter } from "../acknowledgement/acknowledgement.queries.js";
import { today } from "../clock.js";
import { standingOf } from "../compliance/compliance.service.js";
import type { ComplianceStatus } from "../compliance/status.js";
import type { PolicyCatalog } from "../policy/policy.catalog.js";
import type { Policy } from "../policy/policy.entity.js";
import type { PolicyVersion } from "../policy/policy-version.entity.js";
import { RenewalKind } from "../policy/policy.types.js";

/** What an auditor report (and the CSV export) selects: one policy, optionally some statuses only. */
export interface ReportFilter {
  policyId: string;
  statuses?: readonly ComplianceStatus[] | null;
}

/** One line of a report. */
export interface ReportRow {
  userId: string;
  policy: Policy;
  version: PolicyVersion;
  status: ComplianceStatus;
  dueBy: string | null;
  acknowledgement: Acknowledgement | null;
}

/** The reported policy: NOT_FOUND when unknown, BAD_USER_INPUT for a notice or a policy not in effect yet. */
export function reportedPolicy(catalog: PolicyCatalog, policyId: string, at: Date): Policy {
  const policy = catalog.policyById.get(policyId);
  if (!policy) throw new NotFoundError(`No policy has id ${policyId}`);
  if (policy.renewalKind === RenewalKind.NONE) {
    throw new BadUserInputError("policyId", `${policy.title} is a notice: nobody acknowledges it`);
  }
  if (!catalog.currentVersionOf(policy.id, today(at))) {
    throw new BadUserInputError("policyId", `${policy.title} has no version in effect yet`);
  }
  return policy;
}

/**
 * The report's rows for every user this subgraph has seen, in user-id byte order after `afterUserId`, read in
 * batches of `batchSize` users (one statement each) and judged in code, so memory holds one batch whatever the
 * population. Users are judged as seen by someone else: the banner without a sign-in time (see compliance).
 * A filter on status skips rows, so a selective filter reads more batches per page.
 */
export async function* reportRows(
  dataSource: DataSource,
  catalog: PolicyCatalog,
  policy: Policy,
  filter: { statuses?: readonly ComplianceStatus[] | null; afterUserId?: string | null; batchSize: number; at: Date },
): AsyncGenerator<ReportRow> {
  let after = filter.afterUserId ?? null;
  for (;;) {
    const batch = await standingsAfter(dataSource, policy.id, after, filter.batchSize);
    for (const { userId, acknowledgement } of batch) {
      const { version, judgement } = standingOf(catalog, policy, acknowledgement, null, filter.at);
      if (filter.statuses?.length && !filter.statuses.includes(judgement.status)) continue;
      yield { userId, policy, version, acknowledgement, ...judgement };
    }
    if (batch.length < filter.batchSize) return;
    after = batch.at(-1)!.userId;
  }
}
