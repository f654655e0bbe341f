import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import {
  ALICE,
  BOB,
  CAROL,
  DANA,
  ERIN,
  FRANK,
  MUTATIONS,
  mutate,
  refused,
  snapshot,
  succeed,
  WHY,
  type MutationName,
} from "../access.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

const PENDING = "seed-request-dana-pecos-dm-viewer";
const VALID: Record<MutationName, object> = {
  requestAccess: { roleId: "pecos-ai-viewer", justification: WHY },
  cancelAccessRequest: { requestId: PENDING },
  decideAccessRequest: { requestId: PENDING, decision: "APPROVED" },
  revokeRoleGrant: { grantId: "seed-grant-erin-qarm-user", reason: "No longer needed" },
  certifyRoleGrant: { grantId: "seed-grant-dana-pecos-ai-security-auditor" },
};

describe.each(kinds)("refusals on %s: a userError with a code, and nothing written", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  it.each(Object.keys(MUTATIONS) as MutationName[])("%s: UNAUTHENTICATED when anonymous", async (name) => {
    const before = await snapshot(accessRoles);
    const { data, errors } = await mutate(accessRoles, name, VALID[name], null);
    expect(data).toBeNull();
    expect(errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(await snapshot(accessRoles)).toEqual(before);
  });

  it("requestAccess: justification required and bounded, role known, requestable, not held, not pending, no conflict", async () => {
    const role = "pecos-ai-viewer";
    await refused(accessRoles, "requestAccess", { roleId: role, justification: "   " }, ALICE, [
      ["input.justification", "REQUIRED"],
    ]);
    await refused(accessRoles, "requestAccess", { roleId: role, justification: "need it" }, ALICE, [
      ["input.justification", "TOO_SHORT"],
    ]);
    await refused(accessRoles, "requestAccess", { roleId: role, justification: "x".repeat(1001) }, ALICE, [
      ["input.justification", "TOO_LONG"],
    ]);
    await refused(accessRoles, "requestAccess", { roleId: "no-such-role", justification: WHY }, ALICE, [
      ["input.roleId", "ROLE_NOT_FOUND"],
    ]);
    await refused(accessRoles, "requestAccess", { roleId: "pecos-ai-approver", justification: WHY }, ALICE, [
      ["input.roleId", "ROLE_NOT_REQUESTABLE"],
    ]);
    // erin holds qarm-user (seed); dana has a pending request for pecos-dm-viewer (seed).
    await refused(accessRoles, "requestAccess", { roleId: "qarm-user", justification: WHY }, ERIN, [
      ["input.roleId", "ROLE_ALREADY_HELD"],
    ]);
    await refused(accessRoles, "requestAccess", { roleId: "pecos-dm-viewer", justification: WHY }, DANA, [
      ["input.roleId", "REQUEST_ALREADY_PENDING"],
    ]);
    // dana holds PECOS AI Security Auditor, which conflicts with PECOS AI Administrator (separation of duties).
    await refused(accessRoles, "requestAccess", { roleId: "pecos-ai-administrator", justification: WHY }, DANA, [
      ["input.roleId", "CONFLICTING_ROLE_HELD"],
    ]);
  });

  it("cancelAccessRequest: the requester only, and only while pending", async () => {
    await refused(accessRoles, "cancelAccessRequest", { requestId: PENDING }, BOB, [
      ["input.requestId", "NOT_REQUESTER"],
    ]);
    // alice may not even learn the request exists.
    await refused(accessRoles, "cancelAccessRequest", { requestId: PENDING }, ALICE, [
      ["input.requestId", "ACCESS_REQUEST_NOT_FOUND"],
    ]);
    await refused(accessRoles, "cancelAccessRequest", { requestId: "seed-request-erin-qarm-user" }, ERIN, [
      ["input.requestId", "ALREADY_DECIDED"],
    ]);
    await refused(accessRoles, "cancelAccessRequest", { requestId: "seed-request-frank-desy-data-requester" }, FRANK, [
      ["input.requestId", "REQUEST_EXPIRED"],
    ]);
  });

  it("decideAccessRequest: an approver of that application, never the requester, a comment to reject", async () => {
    await refused(accessRoles, "decideAccessRequest", { requestId: PENDING, decision: "REJECTED" }, BOB, [
      ["input.comment", "COMMENT_REQUIRED"],
    ]);
    await refused(accessRoles, "decideAccessRequest", { requestId: PENDING, decision: "REJECTED", comment: " " }, BOB, [
      ["input.comment", "COMMENT_REQUIRED"],
    ]);
    await refused(accessRoles, "decideAccessRequest", { requestId: PENDING, decision: "APPROVED" }, DANA, [
      ["input.requestId", "REQUESTER_CANNOT_DECIDE"],
    ]);
    // erin approves DESY, not PECOS DM: she may not see the request at all.
    await refused(accessRoles, "decideAccessRequest", { requestId: PENDING, decision: "APPROVED" }, ERIN, [
      ["input.requestId", "ACCESS_REQUEST_NOT_FOUND"],
    ]);
    // An auditor sees everything and changes nothing.
    await refused(accessRoles, "decideAccessRequest", { requestId: PENDING, decision: "APPROVED" }, FRANK, [
      ["input.requestId", "NOT_AN_APPROVER"],
    ]);
    await refused(
      accessRoles,
      "decideAccessRequest",
      { requestId: "seed-request-erin-qarm-user", decision: "APPROVED" },
      CAROL,
      [["input.requestId", "ALREADY_DECIDED"]],
    );
    await refused(
      accessRoles,
      "decideAccessRequest",
      { requestId: "seed-request-erin-desy-data-requester", decision: "APPROVED" },
      CAROL,
      [["input.requestId", "REQUEST_CANCELLED"]],
    );
  });

  it("decideAccessRequest: approval refused while the requester holds a conflicting role", async () => {
    const requested = await succeed(
      accessRoles,
      "requestAccess",
      { roleId: "desy-dua-administrator", justification: WHY },
      ALICE,
    );
    const requestId = requested.accessRequest!.id;
    // alice gets the conflicting DESY Data Requester role meanwhile (say, granted before the conflict was declared).
    await accessRoles.dataSource.query(
      `INSERT INTO role_grant (id, user_id, role_id, application_id, granted_at, granted_by, certification_due_on, version)
       VALUES ('test-conflict', 'alice', 'desy-data-requester', 'desy', CURRENT_TIMESTAMP, 'erin', '2999-01-01', 0)`,
    );
    await refused(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, ERIN, [
      ["input.requestId", "CONFLICTING_ROLE_HELD"],
    ]);
    const { data } = await accessRoles.execute<{ _entities: { blockers: unknown[] }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AccessRequest { blockers { kind blocksApproval conflictingRole { id } } } } }`,
      { r: [{ __typename: "AccessRequest", id: requestId, requester: { missingPrivilegedAcknowledgements: [] } }] },
      { viewer: ERIN },
    );
    expect(data!._entities[0]!.blockers).toEqual([
      { kind: "CONFLICTING_ROLE_HELD", blocksApproval: true, conflictingRole: { id: "desy-data-requester" } },
    ]);
  });

  it("revokeRoleGrant: the holder or an approver, a reason, a grant that has not ended", async () => {
    const grantId = "seed-grant-erin-qarm-user";
    await refused(accessRoles, "revokeRoleGrant", { grantId, reason: "" }, DANA, [["input.reason", "REQUIRED"]]);
    await refused(accessRoles, "revokeRoleGrant", { grantId, reason: "Audit finding" }, FRANK, [
      ["input.grantId", "NOT_AN_APPROVER"],
    ]);
    await refused(accessRoles, "revokeRoleGrant", { grantId, reason: "Audit finding" }, BOB, [
      ["input.grantId", "ROLE_GRANT_NOT_FOUND"],
    ]);
    await refused(
      accessRoles,
      "revokeRoleGrant",
      { grantId: "seed-grant-dana-desy-data-requester", reason: "Again" },
      ERIN,
      [["input.grantId", "GRANT_ENDED"]],
    );
    const revoked = await succeed(accessRoles, "revokeRoleGrant", { grantId, reason: "Moved to another team" }, DANA);
    expect(revoked.roleGrant).toMatchObject({ id: grantId });
    await refused(accessRoles, "revokeRoleGrant", { grantId, reason: "Twice" }, DANA, [
      ["input.grantId", "GRANT_ENDED"],
    ]);
  });

  it("certifyRoleGrant: an approver, never the holder, once a year", async () => {
    const due = "seed-grant-dana-pecos-ai-security-auditor";
    await refused(accessRoles, "certifyRoleGrant", { grantId: due }, FRANK, [["input.grantId", "NOT_AN_APPROVER"]]);
    await refused(accessRoles, "certifyRoleGrant", { grantId: due }, DANA, [
      ["input.grantId", "HOLDER_CANNOT_CERTIFY"],
    ]);
    // bob's own approver grant is certified by a portal admin, never by bob.
    await refused(accessRoles, "certifyRoleGrant", { grantId: "seed-grant-bob-pecos-ai-approver" }, BOB, [
      ["input.grantId", "HOLDER_CANNOT_CERTIFY"],
    ]);
    const certified = await succeed(accessRoles, "certifyRoleGrant", { grantId: due }, BOB);
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    expect(certified.roleGrant!.certificationDueOn).toBe(nextYear);
    await refused(accessRoles, "certifyRoleGrant", { grantId: due }, BOB, [["input.grantId", "CERTIFICATION_NOT_DUE"]]);
    await refused(accessRoles, "certifyRoleGrant", { grantId: "seed-grant-frank-qarm-user" }, DANA, [
      ["input.grantId", "GRANT_ENDED"],
    ]);
  });
});
