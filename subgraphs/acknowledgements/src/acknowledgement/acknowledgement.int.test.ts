import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { addDays, setClock } from "../clock.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { acknowledge, asJson, historyCounts, signedIn, TEST_NOW, userEntities, userRefs } from "../test-support.js";

const kinds = await testDatabaseKinds();
const ROB_V1 = `${POLICY_IDS.rulesOfBehavior}-v1`;
const ROB_V2 = `${POLICY_IDS.rulesOfBehavior}-v2`;
const BANNER_V1 = `${POLICY_IDS.banner}-v1`;

// The "done when" question, asked of this subgraph the way the gateway forwards it after `me`.
const COMPLIANCE = userEntities(
  `compliance(applicationId: "pecos-ai") { compliant requirements { policy { kind } version { id } status dueBy } }`,
);

type Compliance = {
  compliant: boolean;
  requirements: { policy: { kind: string }; status: string; dueBy: string | null }[];
};

describe.each(kinds)("acknowledging on %s", (kind) => {
  let acks: TestSubgraph;
  let clock = TEST_NOW;
  const signInAlice = addDays(TEST_NOW, -1 / 24);
  const alice = () => signedIn("alice", signInAlice);
  const complianceOf = async (viewer = alice(), id = "alice") => {
    const { data, errors } = await acks.execute<{ _entities: { compliance: Compliance }[] }>(
      COMPLIANCE,
      { r: userRefs(id) },
      { viewer },
    );
    expect(errors).toBeUndefined();
    return data!._entities[0]!.compliance;
  };

  beforeAll(async () => {
    setClock(() => clock);
    acks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it("takes alice from NEVER_ACKNOWLEDGED to compliant by acknowledging the banner and the rules", async () => {
    const before = await complianceOf();
    expect(before.compliant).toBe(false);
    expect(before.requirements.map((r) => [r.policy.kind, r.status, r.dueBy])).toEqual([
      ["WARNING_BANNER", "NEVER_ACKNOWLEDGED", "2026-06-01"],
      ["RULES_OF_BEHAVIOR", "NEVER_ACKNOWLEDGED", "2026-06-01"],
    ]);

    const { data } = await acks.execute<{ policies: { kind: string; currentVersion: { id: string } | null }[] }>(
      "{ policies { kind currentVersion { id } } }",
    );
    const current = (kind: string) => data!.policies.find((policy) => policy.kind === kind)!.currentVersion!.id;
    for (const id of [current("WARNING_BANNER"), current("RULES_OF_BEHAVIOR")]) {
      const { payload } = await acknowledge(acks, alice(), { policyVersionId: id, applicationId: "pecos-ai" });
      expect(payload).toMatchObject({ created: true, userErrors: [] });
    }

    const after = await complianceOf();
    expect(after.compliant).toBe(true);
    expect(after.requirements.map((r) => [r.policy.kind, r.status, r.dueBy])).toEqual([
      ["WARNING_BANNER", "CURRENT", null],
      ["RULES_OF_BEHAVIOR", "CURRENT", "2027-06-01"],
    ]);
  });

  it("records the exact version, the time from the clock, the period's end and the method", async () => {
    const { data } = await acks.execute<{ _entities: { acknowledgements: { nodes: Record<string, unknown>[] } }[] }>(
      userEntities(
        "acknowledgements { nodes { policyVersion { id } acknowledgedAt validUntil method application { id } user { id } } }",
      ),
      { r: userRefs("alice") },
      { viewer: alice() },
    );
    expect(asJson(data!._entities[0]!.acknowledgements.nodes)).toEqual([
      {
        policyVersion: { id: ROB_V2 },
        acknowledgedAt: TEST_NOW.toISOString(),
        validUntil: "2027-06-01T12:00:00.000Z",
        method: "ELECTRONIC",
        application: { id: "pecos-ai" },
        user: { id: "alice" },
      },
      {
        policyVersion: { id: BANNER_V1 },
        acknowledgedAt: TEST_NOW.toISOString(),
        validUntil: null,
        method: "ELECTRONIC",
        application: { id: "pecos-ai" },
        user: { id: "alice" },
      },
    ]);
  });

  it("returns the acknowledgement already holding instead of adding one", async () => {
    const counts = await historyCounts(acks.dataSource);
    clock = addDays(TEST_NOW, 10);
    const first = await acknowledge(acks, alice(), { policyVersionId: ROB_V2 });
    const second = await acknowledge(acks, alice(), { policyVersionId: ROB_V2, method: "WRITTEN" });
    expect(first.payload!.created).toBe(false);
    expect(second.payload!.created).toBe(false);
    expect(second.payload!.acknowledgement).toEqual(first.payload!.acknowledgement);
    expect(first.payload!.acknowledgement!.acknowledgedAt).toBe(TEST_NOW.toISOString());
    expect(await historyCounts(acks.dataSource)).toEqual(counts);
  });

  it("renews early once the acknowledgement is DUE_SOON", async () => {
    clock = addDays(TEST_NOW, 340);
    expect((await complianceOf()).requirements[1]!.status).toBe("DUE_SOON");
    const { payload } = await acknowledge(acks, alice(), { policyVersionId: ROB_V2 });
    expect(payload!.created).toBe(true);
    expect(payload!.acknowledgement!.validUntil).toBe(addDays(clock, 365).toISOString());
    expect((await complianceOf()).requirements[1]!.status).toBe("CURRENT");
  });

  it("asks for the banner again at a new sign-in, and only then adds a banner acknowledgement", async () => {
    const later = signedIn("alice", addDays(clock, -1 / 48));
    const requirements = (await complianceOf(later)).requirements;
    expect(requirements[0]).toMatchObject({ policy: { kind: "WARNING_BANNER" }, status: "EXPIRED" });
    const again = await acknowledge(acks, later, { policyVersionId: BANNER_V1 });
    expect(again.payload!.created).toBe(true);
    expect((await complianceOf(later)).compliant).toBe(true);
    const twice = await acknowledge(acks, later, { policyVersionId: BANNER_V1 });
    expect(twice.payload!.created).toBe(false);
  });

  it.each([
    [{ policyVersionId: ROB_V1 }, "policyVersionId", "NOT_CURRENT_VERSION"],
    [{ policyVersionId: "no-such-version" }, "policyVersionId", "NOT_FOUND"],
    [{ policyVersionId: `${POLICY_IDS.paperworkReduction}-v1` }, "policyVersionId", "NO_ACKNOWLEDGEMENT_NEEDED"],
    [{ policyVersionId: `${POLICY_IDS.privacyAct}-v1` }, "policyVersionId", "NO_ACKNOWLEDGEMENT_NEEDED"],
    [
      { policyVersionId: `${POLICY_IDS.desyRules}-v1`, applicationId: "pecos-ai" },
      "applicationId",
      "WRONG_APPLICATION",
    ],
    [{ policyVersionId: BANNER_V1, applicationId: "Not A Slug" }, "applicationId", "INVALID_SLUG"],
  ])("refuses %j with a userError and writes nothing", async (input, field, code) => {
    const counts = await historyCounts(acks.dataSource);
    const { payload, errors } = await acknowledge(acks, signedIn("bob", clock), input);
    expect(errors).toBeUndefined();
    expect(payload).toEqual({ acknowledgement: null, created: false, userErrors: [{ field: ["input", field], code }] });
    expect(await historyCounts(acks.dataSource)).toEqual(counts);
  });

  it("records an application's own rules for that application", async () => {
    const { payload } = await acknowledge(acks, signedIn("dana", clock), {
      policyVersionId: `${POLICY_IDS.desyRules}-v1`,
    });
    expect(payload!.created).toBe(true);
    const [row] = await acks.dataSource.query(
      `SELECT application_id, user_id FROM acknowledgement WHERE id = ${Number(payload!.acknowledgement!.id)}`,
    );
    expect(row).toEqual({ application_id: "desy", user_id: "dana" });
  });

  it("refuses anonymous callers with UNAUTHENTICATED and writes nothing", async () => {
    const counts = await historyCounts(acks.dataSource);
    const { payload, errors } = await acknowledge(acks, null, { policyVersionId: BANNER_V1 });
    expect(payload).toBeNull();
    expect(errors!.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(await historyCounts(acks.dataSource)).toEqual(counts);
  });

  it("records a first acknowledgement's user as seen, so reports include them", async () => {
    await acknowledge(acks, signedIn("newcomer", clock), { policyVersionId: BANNER_V1 });
    const rows = await acks.dataSource.query(`SELECT user_id FROM acknowledgement_user WHERE user_id = 'newcomer'`);
    expect(rows).toHaveLength(1);
  });
});
