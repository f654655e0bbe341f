import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { addDays, setClock } from "../clock.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { acknowledge, historyCounts, TEST_NOW, userEntities, userRefs } from "../test-support.js";

const kinds = await testDatabaseKinds();
const ROB = POLICY_IDS.rulesOfBehavior;
const PUBLISH = `mutation ($input: PublishPolicyVersionInput!) {
  publishPolicyVersion(input: $input) {
    policyVersion { id version effectiveOn contentHash keepsEarlierAcknowledgements supersedes { id } policy { id } omb { controlNumber expired } }
    userErrors { field code }
  }
}`;
type Published = {
  policyVersion: {
    id: string;
    version: number;
    effectiveOn: string;
    contentHash: string;
    supersedes: { id: string } | null;
  } | null;
  userErrors: { field: string[]; code: string }[];
};

describe.each(kinds)("publishing policy versions on %s", (kind) => {
  let acks: TestSubgraph;
  let clock = TEST_NOW;
  const publish = async (input: Record<string, unknown>, viewer: Viewer | null = devViewer("erin")) => {
    const { data, errors } = await acks.execute<{ publishPolicyVersion: Published }>(PUBLISH, { input }, { viewer });
    return { payload: data?.publishPolicyVersion ?? null, errors };
  };
  const robStatus = async (user: string) => {
    const { data } = await acks.execute<{
      _entities: { compliance: { requirements: { policy: { id: string }; status: string }[] } }[];
    }>(
      userEntities("compliance { requirements { policy { id } status } }"),
      { r: userRefs(user) },
      { viewer: devViewer("frank") },
    );
    return data!._entities[0]!.compliance.requirements.find((r) => r.policy.id === ROB)!.status;
  };

  beforeAll(async () => {
    setClock(() => clock);
    acks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it.each([
    ["anonymous callers", null, "UNAUTHENTICATED"],
    ["a plain user", devViewer("alice"), "FORBIDDEN"],
    ["an auditor", devViewer("frank"), "FORBIDDEN"],
    ["a portal admin", devViewer("carol"), "FORBIDDEN"],
  ])("refuses %s and writes nothing", async (_who, viewer, code) => {
    const counts = await historyCounts(acks.dataSource);
    const { payload, errors } = await publish({ policyId: ROB, body: "Rules rewritten by the wrong person." }, viewer);
    expect(payload).toBeNull();
    expect(errors!.map((error) => error.extensions?.code)).toEqual([code]);
    expect(await historyCounts(acks.dataSource)).toEqual(counts);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ["an unknown policy", { policyId: "no-such-policy", body: "Text." }, ["input.policyId:NOT_FOUND"]],
    ["an empty body", { policyId: ROB, body: "   " }, ["input.body:REQUIRED"]],
    [
      "a day that does not exist",
      { policyId: ROB, body: "Text.", effectiveOn: "2026-02-30" },
      ["input.effectiveOn:INVALID_DATE"],
    ],
    [
      "a day before the latest version's",
      { policyId: ROB, body: "Text.", effectiveOn: "2013-07-23" },
      ["input.effectiveOn:EFFECTIVE_BEFORE_LATEST"],
    ],
    ["the latest text again", { policyId: POLICY_IDS.banner, body: "SAME" }, ["input.body:SAME_CONTENT"]],
    [
      "a malformed OMB notice",
      {
        policyId: POLICY_IDS.paperworkReduction,
        body: "Text.",
        omb: { controlNumber: "0938", expiresOn: "2028-13-01", burdenMinutes: 0 },
      },
      [
        "input.omb.controlNumber:INVALID_OMB_CONTROL_NUMBER",
        "input.omb.expiresOn:INVALID_DATE",
        "input.omb.burdenMinutes:INVALID_BURDEN",
      ],
    ],
  ])("refuses %s with userErrors and writes nothing", async (_case, input, expected) => {
    if (input.body === "SAME") {
      const { data } = await acks.execute<{ policy: { currentVersion: { body: string } } }>(
        `{ policy(id: "${POLICY_IDS.banner}") { currentVersion { body } } }`,
      );
      input.body = `  ${data!.policy.currentVersion.body}\n`;
    }
    const counts = await historyCounts(acks.dataSource);
    const { payload, errors } = await publish(input);
    expect(errors).toBeUndefined();
    expect(payload!.policyVersion).toBeNull();
    expect(payload!.userErrors.map((e) => `${e.field.join(".")}:${e.code}`)).toEqual(expected);
    expect(await historyCounts(acks.dataSource)).toEqual(counts);
  });

  it("publishes the next version, hashed, superseding the last, logged with who, when and the request", async () => {
    expect(await robStatus("bob")).toBe("CURRENT");
    const body = "The rules of behavior, revised for this test.";
    const { payload } = await publish({ policyId: ROB, body });
    expect(payload).toMatchObject({
      policyVersion: {
        id: `${ROB}-v3`,
        version: 3,
        effectiveOn: "2026-06-01",
        contentHash: createHash("sha256").update(body).digest("hex"),
        keepsEarlierAcknowledgements: false,
        supersedes: { id: `${ROB}-v2` },
        policy: { id: ROB },
      },
      userErrors: [],
    });
    const [change] = await acks.dataSource.query(
      `SELECT policy_id, policy_version_id, actor, action, request_id FROM policy_change`,
    );
    expect(change).toMatchObject({
      policy_id: ROB,
      policy_version_id: `${ROB}-v3`,
      actor: "erin",
      action: "PUBLISH_VERSION",
    });
    expect(change.request_id).toMatch(/^test-\d+$/);
    // The 2013 text stays as it was: a new version, never an edit.
    const [v2] = await acks.dataSource.query(`SELECT effective_on FROM policy_version WHERE id = '${ROB}-v2'`);
    expect(v2.effective_on).toBe("2013-07-24");
  });

  it("asks everyone again when earlier acknowledgements are not kept, and refuses the superseded version", async () => {
    expect(await robStatus("bob")).toBe("NEW_VERSION");
    const { payload } = await acknowledge(acks, devViewer("bob"), { policyVersionId: `${ROB}-v2` });
    expect(payload!.userErrors).toEqual([{ field: ["input", "policyVersionId"], code: "NOT_CURRENT_VERSION" }]);
    const renewed = await acknowledge(acks, devViewer("bob"), { policyVersionId: `${ROB}-v3` });
    expect(renewed.payload!.created).toBe(true);
    expect(await robStatus("bob")).toBe("CURRENT");
  });

  it("lets earlier acknowledgements stand when the new version keeps them", async () => {
    const addendum = POLICY_IDS.privilegedAddendum;
    const before = await acks.execute<{ _entities: { missingPrivilegedAcknowledgements: string[] }[] }>(
      userEntities("missingPrivilegedAcknowledgements"),
      { r: userRefs("dana") },
      { viewer: devViewer("frank") },
    );
    expect(before.data!._entities[0]!.missingPrivilegedAcknowledgements).toEqual(["RULES_OF_BEHAVIOR"]);
    const { payload } = await publish({
      policyId: addendum,
      body: "A clarified addendum.",
      keepsEarlierAcknowledgements: true,
    });
    expect(payload!.userErrors).toEqual([]);
    const after = await acks.execute<{ _entities: { missingPrivilegedAcknowledgements: string[] }[] }>(
      userEntities("missingPrivilegedAcknowledgements"),
      { r: userRefs("dana") },
      { viewer: devViewer("frank") },
    );
    expect(after.data!._entities[0]!.missingPrivilegedAcknowledgements).toEqual(["RULES_OF_BEHAVIOR"]);
  });

  it("keeps a version published for a later day out of effect until that day", async () => {
    const { payload } = await publish({ policyId: ROB, body: "Rules for next year.", effectiveOn: "2026-07-01" });
    expect(payload!.policyVersion!.id).toBe(`${ROB}-v4`);
    const current = async () => {
      const { data } = await acks.execute<{ policy: { currentVersion: { id: string }; versions: { id: string }[] } }>(
        `{ policy(id: "${ROB}") { currentVersion { id } versions { id } } }`,
      );
      return data!.policy;
    };
    expect((await current()).currentVersion.id).toBe(`${ROB}-v3`);
    expect((await current()).versions.map((version) => version.id)).toEqual([4, 3, 2, 1].map((n) => `${ROB}-v${n}`));
    const early = await acknowledge(acks, devViewer("alice"), { policyVersionId: `${ROB}-v4` });
    expect(early.payload!.userErrors[0]!.code).toBe("NOT_CURRENT_VERSION");
    clock = addDays(TEST_NOW, 30);
    expect((await current()).currentVersion.id).toBe(`${ROB}-v4`);
    expect(await robStatus("bob")).toBe("NEW_VERSION");
  });
});
