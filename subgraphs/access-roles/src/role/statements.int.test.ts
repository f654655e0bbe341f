import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { BOB, DANA, entities } from "../access.test-support.js";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import { subgraph } from "../server.js";
import { Role } from "./role.entity.js";

const kinds = await testDatabaseKinds();

const apps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ __typename: "Application", id: `app-${String(i).padStart(3, "0")}` }));
const ROLES_OF = entities("Application", "id roles { id name privileged requestable approver maxDurationDays }");
const VIEWER_ACCESS = entities("Application", "id viewerAccess { grants { id } pendingRequests { id } canRequest }");
const QUEUE = `query ($first: Int, $after: String) {
  approvalQueue(first: $first, after: $after) {
    nodes { id justification createdAt requester { id displayName } role { id name privileged application { id } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
type Queue = {
  approvalQueue: {
    nodes: { id: string; requester: { id: string }; role: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string };
  };
};

// Statement counts are the contract here: loaders per request, never one query per item.
describe.each(kinds)("statements on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
    // Two roles for each of 100 synthetic applications, and 60 pending PECOS AI requests from 60 users.
    await accessRoles.dataSource.getRepository(Role).insert(
      apps(100).flatMap(({ id }) =>
        ["reader", "writer"].map((suffix) => ({
          id: `${id}-${suffix}`,
          applicationId: id,
          name: `${id} ${suffix}`,
          sortName: `${id} ${suffix}`,
          description: null,
          privileged: suffix === "writer",
          requestable: true,
          approver: false,
          maxDurationDays: null,
          conflictsWithIds: [],
        })),
      ),
    );
    const start = Date.now() - 60_000;
    await accessRoles.dataSource.getRepository(AccessRequest).insert(
      Array.from({ length: 60 }, (_, i) => ({
        id: `queued-${String(i).padStart(2, "0")}`,
        requesterId: `requester-${i}`,
        roleId: i % 2 ? "pecos-ai-viewer" : "pecos-ai-administrator",
        applicationId: "pecos-ai",
        justification: `Reason ${i}`,
        storedStatus: AccessRequestStatus.PENDING,
        // Pairs share a creation time, so the keyset's id tie-break is exercised.
        createdAt: new Date(start + Math.floor(i / 2) * 1000),
        decidedAt: null,
        expiresAt: new Date(Date.now() + 86_400_000),
        version: 0,
      })),
    );
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  it("Application.roles for 100 applications is one statement; references alone are none", async () => {
    const bare = await accessRoles.execute(entities("Application", "id"), { representations: apps(100) });
    expect(bare.sqlStatements).toBe(0);
    const { data, errors, sqlStatements } = await accessRoles.execute<{ _entities: { roles: unknown[] }[] }>(ROLES_OF, {
      representations: apps(100),
    });
    expect(errors).toBeUndefined();
    expect(data!._entities.every((app) => app.roles.length === 2)).toBe(true);
    expect(sqlStatements).toBe(1);
  });

  it("viewerAccess for 100 applications costs the same three statements as for one", async () => {
    const one = await accessRoles.execute(VIEWER_ACCESS, { representations: apps(1) }, { viewer: DANA });
    const many = await accessRoles.execute(VIEWER_ACCESS, { representations: apps(100) }, { viewer: DANA });
    expect(many.errors).toBeUndefined();
    // the viewer's grants, the viewer's requests, the applications' roles
    expect(one.sqlStatements).toBe(3);
    expect(many.sqlStatements).toBe(3);
  });

  it("approvalQueue(first: 50) with requester and role is three statements, and pages by (createdAt, id)", async () => {
    const first = await accessRoles.execute<Queue>(QUEUE, { first: 50 }, { viewer: BOB });
    expect(first.errors).toBeUndefined();
    expect(first.data!.approvalQueue.nodes).toHaveLength(50);
    // bob's approver applications, the page with its roles joined, the requesters
    expect(first.sqlStatements).toBe(3);
    const small = await accessRoles.execute<Queue>(QUEUE, { first: 5 }, { viewer: BOB });
    expect(small.sqlStatements).toBe(first.sqlStatements);

    const rest = await accessRoles.execute<Queue>(
      QUEUE,
      { first: 50, after: first.data!.approvalQueue.pageInfo.endCursor },
      { viewer: BOB },
    );
    const all = [...first.data!.approvalQueue.nodes, ...rest.data!.approvalQueue.nodes].map((node) => node.id);
    // 60 synthetic requests plus the seed's PECOS DM request (two days old: first in line).
    expect(all).toEqual([
      "seed-request-dana-pecos-dm-viewer",
      ...Array.from({ length: 60 }, (_, i) => `queued-${String(i).padStart(2, "0")}`),
    ]);
    expect(rest.data!.approvalQueue.pageInfo.hasNextPage).toBe(false);
  });

  it("blockers for a page of 50 requests stay a constant number of statements", async () => {
    const withBlockers = QUEUE.replace("justification", "justification blockers { kind conflictingRole { id } }");
    const small = await accessRoles.execute(withBlockers, { first: 5 }, { viewer: BOB });
    const large = await accessRoles.execute(withBlockers, { first: 50 }, { viewer: BOB });
    expect(large.errors).toBeUndefined();
    expect(large.sqlStatements).toBe(small.sqlStatements);
    // the three above, plus the requesters' grants (one batch); roles come primed from the page
    expect(large.sqlStatements).toBe(4);
  });
});
