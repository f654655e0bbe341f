import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { setClock } from "../clock.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { asJson, TEST_NOW } from "../test-support.js";

const kinds = await testDatabaseKinds();
const REPORT = `query ($policyId: ID!, $status: [ComplianceStatus!], $first: Int, $after: String) {
  acknowledgementReport(policyId: $policyId, status: $status, first: $first, after: $after) {
    nodes { user { id } status dueBy version { id } acknowledgement { policyVersion { id } method } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Report = {
  nodes: {
    user: { id: string };
    status: string;
    dueBy: string | null;
    acknowledgement: { policyVersion: { id: string }; method: string } | null;
  }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

describe.each(kinds)("acknowledgement report on %s", (kind) => {
  let acks: TestSubgraph;
  const report = async (variables: Record<string, unknown>) => {
    const result = await acks.execute<{ acknowledgementReport: Report }>(REPORT, variables, {
      viewer: devViewer("frank"),
    });
    return { ...result, report: result.data ? asJson(result.data.acknowledgementReport) : null };
  };

  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it("says where every seen user stands with the rules, by user id, with the evidence", async () => {
    const { report: page, errors } = await report({ policyId: POLICY_IDS.rulesOfBehavior });
    expect(errors).toBeUndefined();
    expect(page!.nodes.map((n) => [n.user.id, n.status, n.dueBy, n.acknowledgement?.policyVersion.id ?? null])).toEqual(
      [
        ["alice", "NEVER_ACKNOWLEDGED", "2026-06-01", null],
        ["bob", "CURRENT", "2027-02-21", `${POLICY_IDS.rulesOfBehavior}-v2`],
        ["carol", "DUE_SOON", "2026-06-16", `${POLICY_IDS.rulesOfBehavior}-v2`],
        ["dana", "EXPIRED", "2026-04-27", `${POLICY_IDS.rulesOfBehavior}-v2`],
        ["erin", "NEW_VERSION", "2013-07-24", `${POLICY_IDS.rulesOfBehavior}-v1`],
        ["frank", "CURRENT", "2027-05-22", `${POLICY_IDS.rulesOfBehavior}-v2`],
      ],
    );
    expect(page!.nodes[4]!.acknowledgement!.method).toBe("WRITTEN");
  });

  it("filters by status and pages with a cursor", async () => {
    const overdue = await report({
      policyId: POLICY_IDS.rulesOfBehavior,
      status: ["EXPIRED", "NEVER_ACKNOWLEDGED", "NEW_VERSION"],
      first: 2,
    });
    expect(overdue.report!.nodes.map((n) => n.user.id)).toEqual(["alice", "dana"]);
    expect(overdue.report!.pageInfo.hasNextPage).toBe(true);
    const rest = await report({
      policyId: POLICY_IDS.rulesOfBehavior,
      status: ["EXPIRED", "NEVER_ACKNOWLEDGED", "NEW_VERSION"],
      first: 2,
      after: overdue.report!.pageInfo.endCursor,
    });
    expect(rest.report!.nodes.map((n) => n.user.id)).toEqual(["erin"]);
    expect(rest.report!.pageInfo.hasNextPage).toBe(false);
  });

  it("judges the banner without a sign-in time: acknowledged users stand, the others never did", async () => {
    const { report: page } = await report({ policyId: POLICY_IDS.banner });
    expect(page!.nodes.map((n) => [n.user.id, n.status])).toEqual([
      ["alice", "NEVER_ACKNOWLEDGED"],
      ["bob", "CURRENT"],
      ["carol", "CURRENT"],
      ["dana", "NEVER_ACKNOWLEDGED"],
      ["erin", "CURRENT"],
      ["frank", "CURRENT"],
    ]);
  });

  it.each([
    ["no-such-policy", "NOT_FOUND"],
    [POLICY_IDS.privacyAct, "BAD_USER_INPUT"],
  ])("refuses the report of %s with %s", async (policyId, code) => {
    const { errors } = await report({ policyId });
    expect(errors!.map((error) => error.extensions?.code)).toEqual([code]);
  });
});
