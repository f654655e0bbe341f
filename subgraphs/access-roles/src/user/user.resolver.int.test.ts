import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

const ME = "{ me { id displayName email portalRoles mfa { enrolled factors } } }";
const USERS = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on User { id displayName email mfa { enrolled } } }
}`;
const ref = (id: string) => ({ __typename: "User", id });

describe.each(kinds)("users on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  it("answers me: null for an anonymous caller", async () => {
    const { data, errors } = await accessRoles.execute(ME);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ me: null });
  });

  it.each([
    ["alice", []],
    ["bob", []],
    ["carol", ["PORTAL_ADMIN"]],
    ["dana", ["HELPDESK_ADMIN"]],
    ["erin", ["POLICY_ADMIN"]],
    ["frank", ["AUDITOR"]],
  ])("answers me for %s with their roles, email and MFA", async (id, roles) => {
    const viewer = devViewer(id);
    const { data, errors } = await accessRoles.execute<{ me: Record<string, unknown> }>(ME, {}, { viewer });
    expect(errors).toBeUndefined();
    expect(data!.me).toEqual({
      id,
      displayName: viewer.displayName,
      email: `${id}@example.test`,
      portalRoles: roles,
      mfa: { enrolled: true, factors: viewer.mfa.factors },
    });
  });

  const storedName = async (id: string) => {
    const { data } = await accessRoles.execute<{ _entities: ({ displayName: string } | null)[] }>(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on User { displayName } } }",
      { r: [ref(id)] },
      { viewer: devViewer("alice") },
    );
    return data!._entities[0]?.displayName ?? null;
  };

  it("answers me without touching the database: a query writes nothing", async () => {
    const { data, sqlStatements } = await accessRoles.execute<{ me: { id: string } }>(
      ME,
      {},
      {
        viewer: devViewer("visitor"),
      },
    );
    expect(data!.me.id).toBe("visitor");
    expect(sqlStatements).toBe(0);
    expect(await storedName("visitor")).toBeNull();
  });

  it("records a user at sign-in, so others can resolve them, and refreshes a changed profile", async () => {
    const { data, errors } = await accessRoles.execute<{ recordSignIn: { id: string; displayName: string } }>(
      "mutation { recordSignIn { id displayName } }",
      {},
      { viewer: devViewer("newcomer") },
    );
    expect(errors).toBeUndefined();
    expect(data!.recordSignIn).toEqual({ id: "newcomer", displayName: "newcomer" });
    expect(await storedName("newcomer")).toBe("newcomer");

    const renamed = { ...devViewer("newcomer"), displayName: "New Comer" };
    await accessRoles.execute("mutation { recordSignIn { id } }", {}, { viewer: renamed });
    expect(await storedName("newcomer")).toBe("New Comer");
  });

  it("refuses recordSignIn to an anonymous caller, writing nothing", async () => {
    const { data, errors } = await accessRoles.execute("mutation { recordSignIn { id } }");
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("never shows one user's email or MFA to another", async () => {
    const { data, errors } = await accessRoles.execute<{ _entities: ({ email: string | null } | null)[] }>(
      USERS,
      { representations: [ref("bob")] },
      { viewer: devViewer("alice") },
    );
    expect(data!._entities[0]).toEqual({ id: "bob", displayName: "Bob Brennan", email: null, mfa: null });
    expect(errors!.map((error) => [error.path?.at(-1), error.extensions?.code])).toEqual([
      ["email", "FORBIDDEN"],
      ["mfa", "FORBIDDEN"],
    ]);
    expect(JSON.stringify(data)).not.toContain("bob@example.test");
  });

  it("hides email and MFA from anonymous callers", async () => {
    const { data, errors } = await accessRoles.execute(USERS, { representations: [ref("bob")] });
    expect(JSON.stringify(data)).not.toContain("bob@example.test");
    expect(errors![0]!.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("lets an auditor read anyone's email and MFA, in one SQL statement for a batch", async () => {
    const { data, errors, sqlStatements } = await accessRoles.execute<{ _entities: { id: string; email: string }[] }>(
      USERS,
      { representations: [ref("alice"), ref("bob"), ref("carol")] },
      { viewer: devViewer("frank") },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities.map((user) => user.email)).toEqual([
      "alice@example.test",
      "bob@example.test",
      "carol@example.test",
    ]);
    expect(sqlStatements).toBe(1);
  });
});
