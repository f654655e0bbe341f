import type { DataSource } from "typeorm";
import { today } from "../clock.js";
import { Policy } from "./policy.entity.js";
import { PolicyVersion } from "./policy-version.entity.js";
import { PolicyKind, RenewalKind } from "./policy.types.js";

/** Display order of the kinds: what a user meets first comes first. */
const KIND_ORDER = Object.values(PolicyKind);

/**
 * Every policy with every version, read in two statements. Policies are a few dozen rows with a handful of versions
 * each, so one request reads them all once and answers every policy, version and compliance question from memory.
 */
export class PolicyCatalog {
  readonly policies: Policy[];
  readonly policyById: Map<string, Policy>;
  readonly versionById: Map<string, PolicyVersion>;
  private readonly versionsByPolicy = new Map<string, PolicyVersion[]>();

  constructor(policies: Policy[], versions: PolicyVersion[]) {
    this.policies = [...policies].sort(
      (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.id < b.id ? -1 : 1),
    );
    this.policyById = new Map(policies.map((policy) => [policy.id, policy]));
    this.versionById = new Map(versions.map((version) => [version.id, version]));
    for (const version of [...versions].sort((a, b) => b.version - a.version)) {
      const list = this.versionsByPolicy.get(version.policyId) ?? [];
      list.push(version);
      this.versionsByPolicy.set(version.policyId, list);
    }
  }

  /** A policy's versions, newest first. */
  versionsOf(policyId: string): PolicyVersion[] {
    return this.versionsByPolicy.get(policyId) ?? [];
  }

  /** The newest version in effect on the day; null when none has taken effect yet. */
  currentVersionOf(policyId: string, day: string = today()): PolicyVersion | null {
    return this.versionsOf(policyId).find((version) => version.effectiveOn <= day) ?? null;
  }

  /** Policies that must be acknowledged (renewal other than NONE) and have a version in effect. */
  acknowledgeable(day: string = today()): Policy[] {
    return this.policies.filter(
      (policy) => policy.renewalKind !== RenewalKind.NONE && this.currentVersionOf(policy.id, day) !== null,
    );
  }
}

/** Reads the catalog: two statements, whatever is asked of it afterwards. */
export async function loadPolicyCatalog(dataSource: DataSource): Promise<PolicyCatalog> {
  const [policies, versions] = await Promise.all([
    dataSource.getRepository(Policy).find(),
    dataSource.getRepository(PolicyVersion).find(),
  ]);
  return new PolicyCatalog(policies, versions);
}
