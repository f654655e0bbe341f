import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { BOB, entities, FRANK } from "../access.test-support.js";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

const CATALOG_IDS = [
  "aps", "bigapps", "dmepos-cbp-suppliers", "desy", "cisco-webex", "cnc", "cpms", "enterprise-cognos-reports",
  "dmepos-bidding-system", "hats", "hdt", "mdm", "midas", "enterprise-microstrategy-reports", "ocm", "onepi",
  "pecos-ai", "pecos-dm", "pris", "pv", "qarm", "shim", "vms-client-letter",
]; // prettier-ignore

describe.each(kinds)("the seed on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  it("inserts nothing the second time", async () => {
    expect(await subgraph.seed(accessRoles.dataSource)).toBe(0);
    expect(await subgraph.isEmpty(accessRoles.dataSource)).toBe(false);
  });

  it("gives roles only to catalog applications, each with one approver role nobody can request", async () => {
    const { data } = await accessRoles.execute<{
      _entities: {
        id: string;
        roles: { id: string; approver: boolean; requestable: boolean; privileged: boolean }[];
      }[];
    }>(entities("Application", "id roles { id approver requestable privileged }"), {
      representations: CATALOG_IDS.map((id) => ({ __typename: "Application", id })),
    });
    const withRoles = data!._entities.filter((app) => app.roles.length > 0);
    expect(withRoles.map((app) => app.id)).toEqual(["desy", "pecos-ai", "pecos-dm", "qarm"]);
    for (const app of withRoles) {
      expect(app.roles.filter((role) => role.approver).map((role) => role.requestable)).toEqual([false]);
      expect(app.roles.some((role) => role.requestable && role.privileged)).toBe(true);
      expect(app.roles.some((role) => role.requestable && !role.privileged)).toBe(true);
    }
  });

  it("declares separation of duties both ways", async () => {
    const { data } = await accessRoles.execute<{
      a: { conflictsWith: { id: string }[] };
      b: { conflictsWith: { id: string }[] };
    }>(
      `{ a: role(id: "pecos-ai-administrator") { conflictsWith { id } } b: role(id: "pecos-ai-security-auditor") { conflictsWith { id } } }`,
    );
    expect(data).toEqual({
      a: { conflictsWith: [{ id: "pecos-ai-security-auditor" }] },
      b: { conflictsWith: [{ id: "pecos-ai-administrator" }] },
    });
  });

  it("shows every request status and every stored grant status; bob approves both PECOS applications", async () => {
    const { data, errors } = await accessRoles.execute<{
      _entities: { accessRequests: { status: string }[]; roleGrants: { status: string }[] }[];
    }>(
      entities("User", "accessRequests { status } roleGrants { status }"),
      { representations: ["dana", "erin", "frank"].map((id) => ({ __typename: "User", id })) },
      { viewer: FRANK },
    );
    expect(errors).toBeUndefined();
    const requests = new Set(data!._entities.flatMap((user) => user.accessRequests.map((request) => request.status)));
    expect([...requests].sort()).toEqual(["APPROVED", "CANCELLED", "EXPIRED", "PENDING", "REJECTED"]);
    const grants = new Set(data!._entities.flatMap((user) => user.roleGrants.map((grant) => grant.status)));
    // erin's privileged DESY grant reads AWAITING_PREREQUISITES here: no gateway said she holds the prerequisites.
    expect([...grants].sort()).toEqual([
      "ACTIVE",
      "AWAITING_PREREQUISITES",
      "EXPIRED",
      "REMOVED_UNCERTIFIED",
      "REVOKED",
    ]);
    const [bob] = await accessRoles.dataSource.query(
      `SELECT COUNT(*) AS n FROM role_grant WHERE user_id = 'bob' AND end_state IS NULL AND role_id IN ('pecos-ai-approver', 'pecos-dm-approver')`,
    );
    expect(Number(bob.n)).toBe(2);
    const { data: alice } = await accessRoles.execute<{
      _entities: { roleGrants: unknown[]; accessRequests: unknown[] }[];
    }>(
      entities("User", "roleGrants { id } accessRequests { id }"),
      { representations: [{ __typename: "User", id: "alice" }] },
      { viewer: BOB },
    );
    expect(alice!._entities[0]).toEqual({ roleGrants: [], accessRequests: [] });
  });
});
