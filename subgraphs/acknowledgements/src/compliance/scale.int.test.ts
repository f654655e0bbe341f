import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import type { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { latestAcknowledgementsQuery } from "../acknowledgement/acknowledgement.queries.js";
import { addDays, setClock } from "../clock.js";
import { AcknowledgementMethod } from "../policy/policy.types.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { bulkInsert, TEST_NOW, userEntities, userRefs } from "../test-support.js";
import { validUntilOf } from "./status.js";

const kinds = await testDatabaseKinds();
const HISTORY = 20_000;
const PER_POLICY = [
  [POLICY_IDS.banner, `${POLICY_IDS.banner}-v1`, null],
  [POLICY_IDS.rulesOfBehavior, `${POLICY_IDS.rulesOfBehavior}-v2`, 365],
  [POLICY_IDS.privilegedAddendum, `${POLICY_IDS.privilegedAddendum}-v1`, 365],
  [POLICY_IDS.desyRules, `${POLICY_IDS.desyRules}-v1`, 365],
] as const;

/** `count` acknowledgements of `user`, cycling through the policies, one hour apart, the newest an hour ago. */
function history(user: string, count: number): Omit<Acknowledgement, "id">[] {
  return Array.from({ length: count }, (_, i) => {
    const [policyId, policyVersionId, days] = PER_POLICY[i % PER_POLICY.length]!;
    const acknowledgedAt = addDays(TEST_NOW, -(count - i) / 24);
    return {
      userId: user,
      policyId,
      policyVersionId,
      acknowledgedAt,
      method: AcknowledgementMethod.ELECTRONIC,
      validUntil: validUntilOf(
        { renewalKind: days ? ("PERIOD" as never) : ("EVERY_SIGN_IN" as never), renewalDays: days },
        acknowledgedAt,
      ),
      applicationId: null,
      requestId: null,
    };
  });
}

const COMPLIANCE = userEntities(
  `compliance(applicationId: "desy", privileged: true) { compliant requirements { policy { kind } status acknowledgement { acknowledgedAt } } }
   missingPrivilegedAcknowledgements`,
);
const PAGE_OF_USERS = userEntities(`${COMPLIANCE.match(/compliance\(.*\n.*missingPrivilegedAcknowledgements/s)![0]}
  acknowledgements(first: 2) { nodes { id policyVersion { version policy { kind } } } pageInfo { hasNextPage } }`);

describe.each(kinds)("cost on %s", (kind) => {
  let acks: TestSubgraph;
  const frank = devViewer("frank");

  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
    const many = Array.from({ length: 100 }, (_, i) => history(`user-${String(i).padStart(3, "0")}`, 6)).flat();
    await bulkInsert(acks.dataSource, [...history("heavy", HISTORY), ...many]);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it(`answers compliance for a user with ${HISTORY} acknowledgements in 3 statements, as for one with none`, async () => {
    const heavy = await acks.execute<{
      _entities: { compliance: { requirements: { status: string; acknowledgement: { acknowledgedAt: Date } }[] } }[];
    }>(COMPLIANCE, { r: userRefs("heavy") }, { viewer: frank });
    expect(heavy.errors).toBeUndefined();
    const newest = heavy.data!._entities[0]!.compliance.requirements.map((r) => [
      r.status,
      new Date(r.acknowledgement.acknowledgedAt).toISOString(),
    ]);
    // The last four rows of the history, one per policy, are the latest ones.
    expect(newest).toEqual(
      [4, 3, 2, 1].map((hoursAgo) => ["CURRENT", addDays(TEST_NOW, -hoursAgo / 24).toISOString()]),
    );
    const none = await acks.execute(COMPLIANCE, { r: userRefs("alice") }, { viewer: frank });
    // The catalog (policies, versions) and one statement for the latest acknowledgements.
    expect(heavy.sqlStatements).toBe(3);
    expect(none.sqlStatements).toBe(heavy.sqlStatements);
  });

  it("finds the latest acknowledgements through the index, never by reading the history", async () => {
    const [sql, parameters] = latestAcknowledgementsQuery(acks.dataSource, ["heavy"]).getQueryAndParameters();
    const plan = JSON.stringify(
      await acks.dataSource.query(kind === "postgres" ? `EXPLAIN ${sql}` : `EXPLAIN QUERY PLAN ${sql}`, parameters),
    );
    expect(plan).toContain("acknowledgement_latest");
    if (kind === "sqlite") expect(plan).not.toMatch(/SCAN b\b/);
    else expect(plan).not.toMatch(/Seq Scan on acknowledgement b/);
  });

  it("answers compliance and histories for 100 users in the same statements as for 10", async () => {
    const ids = Array.from({ length: 100 }, (_, i) => `user-${String(i).padStart(3, "0")}`);
    const ten = await acks.execute<{ _entities: unknown[] }>(
      PAGE_OF_USERS,
      { r: userRefs(...ids.slice(0, 10)) },
      { viewer: frank },
    );
    const hundred = await acks.execute<{
      _entities: { acknowledgements: { nodes: unknown[]; pageInfo: { hasNextPage: boolean } } }[];
    }>(PAGE_OF_USERS, { r: userRefs(...ids) }, { viewer: frank });
    expect(ten.errors).toBeUndefined();
    expect(hundred.errors).toBeUndefined();
    expect(
      hundred.data!._entities.every(
        (user) => user.acknowledgements.nodes.length === 2 && user.acknowledgements.pageInfo.hasNextPage,
      ),
    ).toBe(true);
    // Catalog (2), latest acknowledgements (1), history pages (1).
    expect(ten.sqlStatements).toBe(4);
    expect(hundred.sqlStatements).toBe(ten.sqlStatements);
  });

  it("pages a long history newest first without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const result: Awaited<
        ReturnType<
          typeof acks.execute<{
            _entities: { acknowledgements: { nodes: { id: string }[]; pageInfo: { endCursor: string } } }[];
          }>
        >
      > = await acks.execute(
        userEntities("acknowledgements(first: 100, after: $after) { nodes { id } pageInfo { endCursor } }").replace(
          "query ($r: [_Any!]!)",
          "query ($r: [_Any!]!, $after: String)",
        ),
        { r: userRefs("heavy"), after },
        { viewer: frank },
      );
      const connection = result.data!._entities[0]!.acknowledgements;
      seen.push(...connection.nodes.map((node) => node.id));
      after = connection.pageInfo.endCursor;
    }
    const ids = seen.map(Number);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(ids[0]).toBe(HISTORY + 12 /* the seed's rows come first */);
  });
});
