import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ALICE, BOB, CAROL, DANA, entities, ERIN, FRANK } from "../access.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

const OF_USER = entities("User", "id roleGrants { id } accessRequests { id }");
const QUEUE = "{ approvalQueue(first: 100) { nodes { id } totalCount } }";
const AUDIT = "{ auditEvents(first: 5) { nodes { id actor action } } }";
type OfUser = { _entities: ({ roleGrants: { id: string }[]; accessRequests: { id: string }[] } | null)[] };
const user = (id: string) => ({ __typename: "User", id });
const ids = (list: { id: string }[]) => list.map((item) => item.id).sort();

describe.each(kinds)("who sees what, on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });
  const ofUser = (id: string, viewer: typeof ALICE | null) =>
    accessRoles.execute<OfUser>(OF_USER, { representations: [user(id)] }, { viewer });

  it("a user sees their own requests and grants", async () => {
    const { data, errors } = await ofUser("dana", DANA);
    expect(errors).toBeUndefined();
    expect(ids(data!._entities[0]!.roleGrants)).toEqual([
      "seed-grant-dana-desy-data-requester",
      "seed-grant-dana-pecos-ai-security-auditor",
      "seed-grant-dana-qarm-approver",
    ]);
    expect(ids(data!._entities[0]!.accessRequests)).toEqual(["seed-request-dana-pecos-dm-viewer"]);
  });

  it("a plain user sees nobody else's: FORBIDDEN; anonymous: UNAUTHENTICATED", async () => {
    const plain = await ofUser("dana", ALICE);
    expect(new Set(plain.errors!.map((error) => error.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
    expect(JSON.stringify(plain.data)).not.toContain("seed-");
    const anonymous = await ofUser("dana", null);
    expect(anonymous.errors![0]!.extensions?.code).toBe("UNAUTHENTICATED");
    expect(JSON.stringify(anonymous.data)).not.toContain("seed-");
  });

  it("an approver sees another user's requests and grants only in the applications they approve", async () => {
    // bob approves PECOS AI and PECOS DM: of dana's, the PECOS AI grant and the PECOS DM request.
    const { data, errors } = await ofUser("dana", BOB);
    expect(errors).toBeUndefined();
    expect(ids(data!._entities[0]!.roleGrants)).toEqual(["seed-grant-dana-pecos-ai-security-auditor"]);
    expect(ids(data!._entities[0]!.accessRequests)).toEqual(["seed-request-dana-pecos-dm-viewer"]);
    // erin approves DESY: of dana's, the revoked DESY grant only.
    const erin = await ofUser("dana", ERIN);
    expect(ids(erin.data!._entities[0]!.roleGrants)).toEqual(["seed-grant-dana-desy-data-requester"]);
    expect(erin.data!._entities[0]!.accessRequests).toEqual([]);
  });

  it("an auditor sees everything", async () => {
    const { data, errors } = await ofUser("dana", FRANK);
    expect(errors).toBeUndefined();
    expect(data!._entities[0]!.roleGrants).toHaveLength(3);
    const audit = await accessRoles.execute<{ auditEvents: { nodes: unknown[] } }>(AUDIT, {}, { viewer: FRANK });
    expect(audit.errors).toBeUndefined();
    expect(audit.data!.auditEvents.nodes).toHaveLength(5);
  });

  it("only auditors read the audit log", async () => {
    for (const viewer of [ALICE, BOB, CAROL]) {
      const { data, errors } = await accessRoles.execute(AUDIT, {}, { viewer });
      expect(data).toEqual({ auditEvents: null });
      expect(errors![0]!.extensions?.code).toBe("FORBIDDEN");
    }
    const anonymous = await accessRoles.execute(AUDIT);
    expect(anonymous.errors![0]!.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("the approval queue holds what the viewer may decide: their applications (all for a portal admin), never their own", async () => {
    const queue = async (viewer: typeof ALICE) =>
      (
        await accessRoles.execute<{ approvalQueue: { nodes: { id: string }[]; totalCount: number } }>(
          QUEUE,
          {},
          { viewer },
        )
      ).data!.approvalQueue;
    expect((await queue(BOB)).nodes.map((node) => node.id)).toEqual(["seed-request-dana-pecos-dm-viewer"]);
    expect((await queue(CAROL)).nodes.map((node) => node.id)).toEqual(["seed-request-dana-pecos-dm-viewer"]);
    // dana approves QARM, but the only PECOS DM request pending is her own.
    expect(await queue(DANA)).toEqual({ nodes: [], totalCount: 0 });
    expect(await queue(ALICE)).toEqual({ nodes: [], totalCount: 0 });
    expect(await queue(FRANK)).toEqual({ nodes: [], totalCount: 0 });
    const anonymous = await accessRoles.execute(QUEUE);
    expect(anonymous.errors![0]!.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("entity references resolve to null for requests and grants the viewer may not read", async () => {
    const query = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on AccessRequest { id } ... on RoleGrant { id } }
    }`;
    const r = [
      { __typename: "AccessRequest", id: "seed-request-dana-pecos-dm-viewer" },
      { __typename: "RoleGrant", id: "seed-grant-erin-qarm-user" },
      { __typename: "RoleGrant", id: "no-such-grant" },
    ];
    const alice = await accessRoles.execute<{ _entities: unknown[] }>(query, { r }, { viewer: ALICE });
    expect(alice.data!._entities).toEqual([null, null, null]);
    const frank = await accessRoles.execute<{ _entities: unknown[] }>(query, { r }, { viewer: FRANK });
    expect(frank.data!._entities).toEqual([
      { id: "seed-request-dana-pecos-dm-viewer" },
      { id: "seed-grant-erin-qarm-user" },
      null,
    ]);
  });

  it("viewerAccess is null for anonymous callers and the viewer's own standing otherwise", async () => {
    const query = entities("Application", "id viewerAccess { grants { id } pendingRequests { id } canRequest }");
    const r = ["pecos-ai", "pecos-dm", "desy", "aps"].map((id) => ({ __typename: "Application", id }));
    const anonymous = await accessRoles.execute<{ _entities: { viewerAccess: unknown }[] }>(query, {
      representations: r,
    });
    expect(anonymous.data!._entities.map((app) => app.viewerAccess)).toEqual([null, null, null, null]);
    const { data } = await accessRoles.execute<{ _entities: { viewerAccess: unknown }[] }>(
      query,
      { representations: r },
      { viewer: DANA },
    );
    expect(data!._entities.map((app) => app.viewerAccess)).toEqual([
      // PECOS AI: holds the auditor role; can still ask for the viewer or analyst roles (not the conflicting admin).
      { grants: [{ id: "seed-grant-dana-pecos-ai-security-auditor" }], pendingRequests: [], canRequest: true },
      { grants: [], pendingRequests: [{ id: "seed-request-dana-pecos-dm-viewer" }], canRequest: true },
      // DESY: the requester grant was revoked, so both DESY roles may be asked for.
      { grants: [], pendingRequests: [], canRequest: true },
      // APS has no roles here.
      { grants: [], pendingRequests: [], canRequest: false },
    ]);
  });
});
