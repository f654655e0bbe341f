import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import type { Viewer } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { setClock } from "../clock.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { acknowledge, TEST_NOW, userEntities, userRefs } from "../test-support.js";

const kinds = await testDatabaseKinds();

const FIELDS = {
  acknowledgements: "acknowledgements { nodes { id policyVersion { id } } }",
  compliance: "compliance(privileged: true) { compliant requirements { status } }",
  missingPrivilegedAcknowledgements: "missingPrivilegedAcknowledgements",
};
const PRIVATE = ["acknowledgements", "compliance"] as const;
const REPORT = `{ acknowledgementReport(policyId: "${POLICY_IDS.rulesOfBehavior}") { nodes { user { id } status } } }`;

describe.each(kinds)("who may read and write what, on %s", (kind) => {
  let acks: TestSubgraph;
  const read = (field: keyof typeof FIELDS, user: string, viewer: Viewer | null) =>
    acks.execute<{ _entities: (Record<string, unknown> | null)[] }>(
      userEntities(FIELDS[field]),
      { r: userRefs(user) },
      { viewer },
    );

  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it.each(Object.keys(FIELDS) as (keyof typeof FIELDS)[])("lets bob read his own %s", async (field) => {
    const { data, errors } = await read(field, "bob", devViewer("bob"));
    expect(errors).toBeUndefined();
    expect(data!._entities[0]![field]).toBeDefined();
  });

  it.each(PRIVATE)("never shows bob's %s to alice", async (field) => {
    const { data, errors } = await read(field, "bob", devViewer("alice"));
    expect(errors!.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([[field, "FORBIDDEN"]]);
    // The field is null with its error; nothing of bob's is in the answer.
    expect(data!._entities[0]).toEqual({ id: "bob", [field]: null });
  });

  it.each(Object.keys(FIELDS) as (keyof typeof FIELDS)[])("asks anonymous callers to sign in for %s", async (field) => {
    const { errors } = await read(field, "bob", null);
    expect(errors!.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
  });

  it("tells any signed-in viewer (an approver, through access-roles' @requires) which prerequisites bob lacks", async () => {
    const { data, errors } = await read("missingPrivilegedAcknowledgements", "bob", devViewer("alice"));
    expect(errors).toBeUndefined();
    expect(data!._entities[0]).toEqual({ id: "bob", missingPrivilegedAcknowledgements: ["PRIVILEGED_USER_ADDENDUM"] });
  });

  it("lets an auditor read anyone's acknowledgements and compliance", async () => {
    const { data, errors } = await acks.execute<{
      _entities: { id: string; acknowledgements: { nodes: unknown[] } }[];
    }>(userEntities(Object.values(FIELDS).join(" ")), { r: userRefs("bob", "carol") }, { viewer: devViewer("frank") });
    expect(errors).toBeUndefined();
    expect(data!._entities.map((user) => [user.id, user.acknowledgements.nodes.length])).toEqual([
      ["bob", 3],
      ["carol", 3],
    ]);
  });

  it("lets only auditors run the acknowledgement report", async () => {
    for (const [viewer, code] of [
      [null, "UNAUTHENTICATED"],
      [devViewer("alice"), "FORBIDDEN"],
      [devViewer("erin"), "FORBIDDEN"],
    ] as const) {
      const { data, errors } = await acks.execute(REPORT, {}, { viewer });
      expect(data).toEqual({ acknowledgementReport: null });
      expect(errors!.map((error) => error.extensions?.code)).toEqual([code]);
    }
    const { errors } = await acks.execute(REPORT, {}, { viewer: devViewer("frank") });
    expect(errors).toBeUndefined();
  });

  it("acknowledges for the viewer only: the input has no user, and the record is the viewer's", async () => {
    const { data } = await acks.execute<{ __type: { inputFields: { name: string }[] } }>(
      `{ __type(name: "AcknowledgePolicyInput") { inputFields { name } } }`,
    );
    expect(data!.__type.inputFields.map((field) => field.name).sort()).toEqual([
      "applicationId",
      "method",
      "policyVersionId",
    ]);
    const { payload } = await acknowledge(acks, devViewer("alice"), {
      policyVersionId: `${POLICY_IDS.banner}-v1`,
      userId: "bob",
    });
    expect(payload).toBeNull();
    const mine = await acknowledge(acks, devViewer("alice"), { policyVersionId: `${POLICY_IDS.banner}-v1` });
    const [row] = await acks.dataSource.query(
      `SELECT user_id FROM acknowledgement WHERE id = ${Number(mine.payload!.acknowledgement!.id)}`,
    );
    expect(row.user_id).toBe("alice");
  });

  it("offers no way to change or remove history: the only writes are acknowledging and publishing", async () => {
    const { data } = await acks.execute<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
      "{ __schema { mutationType { fields { name } } } }",
    );
    expect(data!.__schema.mutationType.fields.map((field) => field.name).sort()).toEqual([
      "acknowledgePolicy",
      "publishPolicyVersion",
    ]);
  });

  it("serves policy texts to anyone, signed in or not", async () => {
    const { data, errors } = await acks.execute<{ policies: unknown[] }>("{ policies { id currentVersion { body } } }");
    expect(errors).toBeUndefined();
    expect(data!.policies).toHaveLength(6);
  });
});
