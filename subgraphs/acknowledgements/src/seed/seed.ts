import { In, type DataSource } from "typeorm";
import { DEV_USERS } from "@portal-graph/auth/dev-issuer";
import { Acknowledgement, AcknowledgementUser } from "../acknowledgement/acknowledgement.entity.js";
import { addDays, now } from "../clock.js";
import { validUntilOf } from "../compliance/status.js";
import { Policy } from "../policy/policy.entity.js";
import { contentHashOf, PolicyVersion, versionIdOf } from "../policy/policy-version.entity.js";
import { AcknowledgementMethod } from "../policy/policy.types.js";
import { POLICIES, POLICY_IDS, type PolicySeed } from "./policies.js";

/** A seeded acknowledgement: which version, how long before the seed ran (or on a fixed day), how, for what. */
interface AcknowledgementSeed {
  userId: string;
  versionId: string;
  daysAgo?: number;
  on?: Date;
  method?: AcknowledgementMethod;
  applicationId?: string;
}

const { banner, rulesOfBehavior: rob, privilegedAddendum: addendum, desyRules } = POLICY_IDS;

/**
 * Acknowledgements for the development users, relative to the seed's clock, so that each status shows up for the
 * Rules of Behavior: alice none at all (NEVER_ACKNOWLEDGED: the documented demo), bob and frank CURRENT, carol
 * DUE_SOON, dana EXPIRED, erin NEW_VERSION (she signed the 2010 rules and never the 2013 ones).
 */
export const SEED_ACKNOWLEDGEMENTS: readonly AcknowledgementSeed[] = [
  { userId: "bob", versionId: versionIdOf(rob, 2), daysAgo: 100 },
  { userId: "bob", versionId: versionIdOf(banner, 1), daysAgo: 1 },
  { userId: "bob", versionId: versionIdOf(desyRules, 1), daysAgo: 30, applicationId: "desy" },
  { userId: "carol", versionId: versionIdOf(rob, 2), daysAgo: 350 },
  { userId: "carol", versionId: versionIdOf(addendum, 1), daysAgo: 350 },
  { userId: "carol", versionId: versionIdOf(banner, 1), daysAgo: 2 },
  { userId: "dana", versionId: versionIdOf(rob, 2), daysAgo: 400 },
  { userId: "dana", versionId: versionIdOf(addendum, 1), daysAgo: 20 },
  {
    userId: "erin",
    versionId: versionIdOf(rob, 1),
    on: new Date("2013-05-01T14:00:00Z"),
    method: AcknowledgementMethod.WRITTEN,
  },
  { userId: "erin", versionId: versionIdOf(banner, 1), daysAgo: 3 },
  { userId: "frank", versionId: versionIdOf(rob, 2), daysAgo: 10 },
  { userId: "frank", versionId: versionIdOf(banner, 1), daysAgo: 0.5 },
];

/**
 * Puts the seed policies, versions, development users and their acknowledgements in place, in one transaction.
 * What is there is kept: a second run changes nothing, and a user who already has acknowledgements gets no seeded
 * ones (history is append-only). Returns how many rows it inserted.
 */
export async function seedAcknowledgements(
  dataSource: DataSource,
  at: Date = now(),
  policies: readonly PolicySeed[] = POLICIES,
): Promise<number> {
  return dataSource.transaction(async (manager) => {
    let inserted = 0;
    const knownPolicies = new Set((await manager.find(Policy, { select: { id: true } })).map((row) => row.id));
    const knownVersions = new Set((await manager.find(PolicyVersion, { select: { id: true } })).map((row) => row.id));
    for (const seed of policies) {
      if (!knownPolicies.has(seed.id)) {
        const { versions: _versions, ...policy } = seed;
        await manager.insert(Policy, { ...policy, createdAt: at });
        inserted += 1;
      }
      // Oldest first, so each version's `supersedes` row already exists.
      for (const [index, version] of seed.versions.entries()) {
        const id = versionIdOf(seed.id, index + 1);
        if (knownVersions.has(id)) continue;
        await manager.insert(PolicyVersion, {
          id,
          policyId: seed.id,
          version: index + 1,
          effectiveOn: version.effectiveOn,
          body: version.body,
          contentHash: contentHashOf(version.body),
          supersedesId: index === 0 ? null : versionIdOf(seed.id, index),
          keepsEarlierAcknowledgements: version.keepsEarlierAcknowledgements,
          ombControlNumber: version.omb?.controlNumber ?? null,
          ombExpiresOn: version.omb?.expiresOn ?? null,
          ombBurdenMinutes: version.omb?.burdenMinutes ?? null,
          publishedAt: new Date(`${version.effectiveOn}T00:00:00Z`),
          publishedBy: null,
        });
        inserted += 1;
      }
    }

    const users = Object.keys(DEV_USERS);
    const seen = new Set(
      (await manager.find(AcknowledgementUser, { where: { userId: In(users) } })).map((row) => row.userId),
    );
    const newUsers = users.filter((id) => !seen.has(id)).map((userId) => ({ userId, firstSeenAt: at }));
    if (newUsers.length) await manager.insert(AcknowledgementUser, newUsers);
    inserted += newUsers.length;

    const withHistory = new Set(
      (
        await manager
          .createQueryBuilder(Acknowledgement, "a")
          .select("DISTINCT a.user_id", "userId")
          .where("a.user_id IN (:...users)", { users })
          .getRawMany<{ userId: string }>()
      ).map((row) => row.userId),
    );
    const byPolicy = new Map(policies.map((policy) => [policy.id, policy]));
    const rows = SEED_ACKNOWLEDGEMENTS.filter((seed) => !withHistory.has(seed.userId)).map((seed) => {
      const policyId = seed.versionId.replace(/-v\d+$/, "");
      const acknowledgedAt = seed.on ?? addDays(at, -(seed.daysAgo ?? 0));
      return {
        userId: seed.userId,
        policyId,
        policyVersionId: seed.versionId,
        acknowledgedAt,
        method: seed.method ?? AcknowledgementMethod.ELECTRONIC,
        validUntil: validUntilOf(byPolicy.get(policyId)!, acknowledgedAt),
        applicationId: seed.applicationId ?? null,
        requestId: "seed",
      };
    });
    if (rows.length) await manager.insert(Acknowledgement, rows);
    return inserted + rows.length;
  });
}
