import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { findRepoRoot } from "@portal-graph/subgraph-kit/workspace";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { setClock } from "../clock.js";
import { subgraph } from "../server.js";
import { TEST_NOW, userEntities, userRefs } from "../test-support.js";
import { POLICIES, POLICY_IDS } from "./policies.js";

const kinds = await testDatabaseKinds();
// The captured page lives beside the repository (not in it); the check runs where it is present.
const PAGE_FILE = path.join(findRepoRoot(), "..", "shared", "seed", "enterprise-portal-page.txt");

const POLICIES_QUERY = `{
  policies {
    id kind title scope renewal { kind days } application { id }
    currentVersion { id version effectiveOn contentHash body supersedes { id effectiveOn } omb { controlNumber expiresOn expired burdenMinutes } }
    versions { id }
  }
}`;
type PolicyResult = {
  id: string;
  kind: string;
  scope: string;
  renewal: { kind: string; days: number | null };
  application: { id: string } | null;
  currentVersion: {
    id: string;
    version: number;
    effectiveOn: string;
    contentHash: string;
    body: string;
    supersedes: { id: string; effectiveOn: string } | null;
    omb: { controlNumber: string; expiresOn: string; expired: boolean; burdenMinutes: number } | null;
  };
  versions: { id: string }[];
};

describe.each(kinds)("seed on %s", (kind) => {
  let acks: TestSubgraph;
  let policies: Map<string, PolicyResult>;
  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
    const { data, errors } = await acks.execute<{ policies: PolicyResult[] }>(POLICIES_QUERY);
    expect(errors).toBeUndefined();
    policies = new Map(data!.policies.map((policy) => [policy.id, policy]));
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it("holds the page's six policies, each kind once, in the order a user meets them, public", () => {
    expect(
      [...policies.values()].map((policy) => [policy.kind, policy.scope, policy.renewal.kind, policy.renewal.days]),
    ).toEqual([
      ["WARNING_BANNER", "ALL_USERS", "EVERY_SIGN_IN", null],
      ["RULES_OF_BEHAVIOR", "ALL_USERS", "PERIOD", 365],
      ["PRIVILEGED_USER_ADDENDUM", "PRIVILEGED_USERS", "PERIOD", 365],
      ["APPLICATION_RULES", "APPLICATION_USERS", "PERIOD", 365],
      ["PRIVACY_ACT_STATEMENT", "ALL_USERS", "NONE", null],
      ["PAPERWORK_REDUCTION_ACT_NOTICE", "ALL_USERS", "NONE", null],
    ]);
    expect(policies.get(POLICY_IDS.desyRules)!.application).toEqual({ id: "desy" });
  });

  it("has the Rules of Behavior of July 24, 2013 superseding those of August 26, 2010", () => {
    const rob = policies.get(POLICY_IDS.rulesOfBehavior)!;
    expect(rob.currentVersion).toMatchObject({
      id: `${POLICY_IDS.rulesOfBehavior}-v2`,
      version: 2,
      effectiveOn: "2013-07-24",
      supersedes: { id: `${POLICY_IDS.rulesOfBehavior}-v1`, effectiveOn: "2010-08-26" },
    });
    expect(rob.versions.map((version) => version.id)).toEqual([
      `${POLICY_IDS.rulesOfBehavior}-v2`,
      `${POLICY_IDS.rulesOfBehavior}-v1`,
    ]);
  });

  it("hashes each body with SHA-256", () => {
    for (const policy of policies.values()) {
      const expected = createHash("sha256").update(policy.currentVersion.body).digest("hex");
      expect(policy.currentVersion.contentHash).toBe(expected);
    }
  });

  it("says the PRA notice's OMB approval 0938-1236 (20 minutes) expired after 2025-08-31", async () => {
    expect(policies.get(POLICY_IDS.paperworkReduction)!.currentVersion.omb).toEqual({
      controlNumber: "0938-1236",
      expiresOn: "2025-08-31",
      expired: true,
      burdenMinutes: 20,
    });
    const ombExpired = async () => {
      const { data } = await acks.execute<{ policy: { currentVersion: { omb: { expired: boolean } } } }>(
        `{ policy(id: "${POLICY_IDS.paperworkReduction}") { currentVersion { omb { expired } } } }`,
      );
      return data!.policy.currentVersion.omb.expired;
    };
    setClock(() => new Date("2025-08-31T23:59:59Z"));
    expect(await ombExpired()).toBe(false);
    setClock(() => new Date("2025-09-01T00:00:00Z"));
    expect(await ombExpired()).toBe(true);
    // And on the real date, which is past it for good.
    setClock(null);
    expect(await ombExpired()).toBe(true);
    setClock(() => TEST_NOW);
    expect(policies.get(POLICY_IDS.banner)!.currentVersion.omb).toBeNull();
  });

  it.skipIf(!existsSync(PAGE_FILE))(
    "writes the bodies in its own words: no eight-word run of the page's text (skipped where the captured page is not beside the repository)",
    () => {
      const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
      const page = ` ${words(readFileSync(PAGE_FILE, "utf8")).join(" ")} `;
      for (const policy of POLICIES) {
        for (const version of policy.versions) {
          const body = words(version.body);
          for (let i = 0; i + 8 <= body.length; i += 1) {
            expect(page, `${policy.id}: "${body.slice(i, i + 8).join(" ")}"`).not.toContain(
              ` ${body.slice(i, i + 8).join(" ")} `,
            );
          }
        }
      }
    },
  );

  it("requires the banner and the rules for pecos-ai, and DESY's own rules for DESY", async () => {
    const { data } = await acks.execute<{ _entities: { requiredPolicies: { kind: string }[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Application { requiredPolicies { kind } } } }`,
      {
        r: [
          { __typename: "Application", id: "pecos-ai" },
          { __typename: "Application", id: "desy" },
        ],
      },
    );
    expect(data!._entities.map((app) => app.requiredPolicies.map((policy) => policy.kind))).toEqual([
      ["WARNING_BANNER", "RULES_OF_BEHAVIOR"],
      ["WARNING_BANNER", "RULES_OF_BEHAVIOR", "APPLICATION_RULES"],
    ]);
  });

  it("gives the development users every status of the rules, and alice no acknowledgement at all", async () => {
    const ids = ["alice", "bob", "carol", "dana", "erin", "frank"];
    const { data, errors } = await acks.execute<{
      _entities: {
        id: string;
        acknowledgements: { nodes: unknown[] };
        compliance: { requirements: { policy: { kind: string }; status: string }[] };
      }[];
    }>(
      userEntities(
        "acknowledgements(first: 100) { nodes { id } } compliance(privileged: true) { requirements { policy { kind } status } }",
      ),
      { r: userRefs(...ids) },
      { viewer: devViewer("frank") },
    );
    expect(errors).toBeUndefined();
    const statusOf = (kind: string) =>
      data!._entities.map((user) => user.compliance.requirements.find((r) => r.policy.kind === kind)!.status);
    expect(statusOf("RULES_OF_BEHAVIOR")).toEqual([
      "NEVER_ACKNOWLEDGED",
      "CURRENT",
      "DUE_SOON",
      "EXPIRED",
      "NEW_VERSION",
      "CURRENT",
    ]);
    expect(statusOf("PRIVILEGED_USER_ADDENDUM")).toEqual([
      "NEVER_ACKNOWLEDGED",
      "NEVER_ACKNOWLEDGED",
      "DUE_SOON",
      "CURRENT",
      "NEVER_ACKNOWLEDGED",
      "NEVER_ACKNOWLEDGED",
    ]);
    expect(data!._entities[0]!.acknowledgements.nodes).toEqual([]);
  });

  it("changes nothing when run again", async () => {
    expect(await subgraph.seed(acks.dataSource)).toBe(0);
  });
});
