import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { ALICE, BOB, entities, ERIN, FRANK, mutate, succeed, WHY } from "../access.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

const QUEUE = `{ approvalQueue(first: 50) { nodes { id status requester { id displayName } role { id name } } } }`;
const GRANTS = `{ me { roleGrants { id role { id } } } }`;
const GRANT_STATUS = entities("RoleGrant", "id status missingPrerequisites");
const AUDIT = `query ($filter: AuditEventFilter) {
  auditEvents(filter: $filter, first: 100) { nodes { actor action targetType targetId accessRequestId subjectUserId roleId outcome requestId } }
}`;
type Grant = { id: string; status: string; missingPrerequisites: string[] };
const grantRep = (id: string, missing?: string[]) => ({
  __typename: "RoleGrant",
  id,
  ...(missing ? { user: { missingPrivilegedAcknowledgements: missing } } : {}),
});

// The "done when", in-process: the gateway's part (@requires) is played by the representations sent.
describe.each(kinds)("the access request flow on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  const statusOf = async (grantId: string, missing?: string[]) => {
    const { data, errors } = await accessRoles.execute<{ _entities: Grant[] }>(
      GRANT_STATUS,
      { representations: [grantRep(grantId, missing)] },
      { viewer: ALICE },
    );
    expect(errors).toBeUndefined();
    return data!._entities[0]!;
  };

  it("takes an ordinary role from request to ACTIVE grant, with every step audited", async () => {
    const requested = await succeed(
      accessRoles,
      "requestAccess",
      { roleId: "pecos-ai-viewer", justification: WHY },
      ALICE,
    );
    const requestId = requested.accessRequest!.id;
    expect(requested.accessRequest).toMatchObject({ status: "PENDING", requester: { id: "alice" } });

    const queue = await accessRoles.execute<{ approvalQueue: { nodes: { id: string }[] } }>(QUEUE, {}, { viewer: BOB });
    expect(queue.data!.approvalQueue.nodes.map((node) => node.id)).toContain(requestId);

    const own = await mutate(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, ALICE);
    expect(own.payload!.userErrors.map((error) => error.code)).toEqual(["REQUESTER_CANNOT_DECIDE"]);

    const decided = await succeed(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, BOB);
    expect(decided.accessRequest!.status).toBe("APPROVED");
    const grantId = decided.roleGrant!.id;

    const mine = await accessRoles.execute<{ me: { roleGrants: { id: string; role: { id: string } }[] } }>(
      GRANTS,
      {},
      {
        viewer: ALICE,
      },
    );
    expect(mine.data!.me.roleGrants).toEqual([{ id: grantId, role: { id: "pecos-ai-viewer" } }]);
    // An ordinary role does not wait for acknowledgements, whatever the gateway says about them.
    expect(await statusOf(grantId, ["RULES_OF_BEHAVIOR"])).toEqual({
      id: grantId,
      status: "ACTIVE",
      missingPrerequisites: [],
    });

    const audit = await accessRoles.execute<{ auditEvents: { nodes: Record<string, string>[] } }>(
      AUDIT,
      { filter: { accessRequestId: requestId } },
      { viewer: FRANK },
    );
    expect(audit.errors).toBeUndefined();
    expect(
      audit.data!.auditEvents.nodes.map((event) => [event.actor, event.action, event.targetType, event.outcome]),
    ).toEqual([
      ["bob", "ROLE_GRANTED", "RoleGrant", "GRANTED"],
      ["bob", "ACCESS_REQUEST_APPROVED", "AccessRequest", "APPROVED"],
      ["alice", "ACCESS_REQUESTED", "AccessRequest", "PENDING"],
    ]);
    expect(audit.data!.auditEvents.nodes.every((event) => event.subjectUserId === "alice")).toBe(true);
    expect(audit.data!.auditEvents.nodes.every((event) => event.requestId?.startsWith("test-"))).toBe(true);
  });

  it("keeps a privileged grant AWAITING_PREREQUISITES until its holder's acknowledgements are current", async () => {
    const requested = await succeed(
      accessRoles,
      "requestAccess",
      { roleId: "pecos-dm-administrator", justification: WHY },
      ALICE,
    );
    const requestId = requested.accessRequest!.id;
    const blockers = await accessRoles.execute<{ _entities: { blockers: unknown[] }[] }>(
      entities("AccessRequest", "blockers { kind blocksApproval acknowledgement }"),
      {
        representations: [
          {
            __typename: "AccessRequest",
            id: requestId,
            requester: { missingPrivilegedAcknowledgements: ["PRIVILEGED_USER_ADDENDUM"] },
          },
        ],
      },
      { viewer: BOB },
    );
    expect(blockers.data!._entities[0]!.blockers).toEqual([
      { kind: "MISSING_ACKNOWLEDGEMENT", blocksApproval: false, acknowledgement: "PRIVILEGED_USER_ADDENDUM" },
    ]);

    const decided = await succeed(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, BOB);
    const grantId = decided.roleGrant!.id;
    // 180 days: the role's maximum duration.
    const days = (Date.parse(decided.roleGrant!.expiresAt!) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(180);

    expect(await statusOf(grantId, ["RULES_OF_BEHAVIOR", "PRIVILEGED_USER_ADDENDUM"])).toEqual({
      id: grantId,
      status: "AWAITING_PREREQUISITES",
      missingPrerequisites: ["RULES_OF_BEHAVIOR", "PRIVILEGED_USER_ADDENDUM"],
    });
    // Kinds other than the two prerequisites do not hold a grant back.
    expect(await statusOf(grantId, ["PRIVACY_ACT_STATEMENT"])).toMatchObject({
      status: "ACTIVE",
      missingPrerequisites: [],
    });
    // Acknowledged: the same stored row now reads ACTIVE.
    expect(await statusOf(grantId, [])).toMatchObject({ status: "ACTIVE", missingPrerequisites: [] });
    // Without the gateway's facts (a call that skipped @requires), a privileged grant is never reported ACTIVE.
    expect(await statusOf(grantId)).toMatchObject({ status: "AWAITING_PREREQUISITES" });
    const [row] = await accessRoles.dataSource.query(`SELECT end_state FROM role_grant WHERE id = '${grantId}'`);
    expect(row.end_state).toBeNull();
  });

  it("lets the requester cancel a pending request, and refuses a second cancellation", async () => {
    const requested = await succeed(accessRoles, "requestAccess", { roleId: "qarm-user", justification: WHY }, ALICE);
    const requestId = requested.accessRequest!.id;
    const cancelled = await succeed(accessRoles, "cancelAccessRequest", { requestId }, ALICE);
    expect(cancelled.accessRequest).toMatchObject({ status: "CANCELLED" });
    const again = await mutate(accessRoles, "cancelAccessRequest", { requestId }, ALICE);
    expect(again.payload!.userErrors.map((error) => error.code)).toEqual(["REQUEST_CANCELLED"]);
    // Cancelled, the role can be asked for again.
    await succeed(accessRoles, "requestAccess", { roleId: "qarm-user", justification: WHY }, ALICE);
  });

  it("rejects with a comment, and the rejection shows in the decisions", async () => {
    const requested = await succeed(
      accessRoles,
      "requestAccess",
      { roleId: "desy-data-requester", justification: WHY },
      ALICE,
    );
    const requestId = requested.accessRequest!.id;
    await succeed(
      accessRoles,
      "decideAccessRequest",
      { requestId, decision: "REJECTED", comment: "No DUA on file." },
      ERIN,
    );
    const { data } = await accessRoles.execute<{ me: { accessRequests: unknown[] } }>(
      `{ me { accessRequests(status: REJECTED) { id decisions { approver { id } decision comment } blockers { kind } } } }`,
      {},
      { viewer: ALICE },
    );
    expect(data!.me.accessRequests).toEqual([
      {
        id: requestId,
        decisions: [{ approver: { id: "erin" }, decision: "REJECTED", comment: "No DUA on file." }],
        blockers: [],
      },
    ]);
  });
});
