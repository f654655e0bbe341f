import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { BOB, FRANK, succeed, WHY } from "../access.test-support.js";
import { subgraph } from "../server.js";
import { sweep } from "./sweep.js";

const kinds = await testDatabaseKinds();
const DAY = 86_400_000;

describe.each(kinds)("the sweep on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  const rows = (sql: string) => accessRoles.dataSource.query(sql);

  it("finds nothing to do on the fresh seed", async () => {
    expect(await sweep(accessRoles.dataSource, new Date())).toMatchObject({
      expiredRequests: 0,
      expiredGrants: 0,
      removedUncertifiedGrants: 0,
    });
  });

  it("applies an injected clock: requests lapse, grants expire, uncertified grants go; each change audited, once", async () => {
    const viewer = devViewer("sleepy");
    const request = (
      await succeed(accessRoles, "requestAccess", { roleId: "pecos-dm-extract-analyst", justification: WHY }, viewer)
    ).accessRequest!;
    const lapsing = (
      await succeed(accessRoles, "requestAccess", { roleId: "pecos-ai-viewer", justification: WHY }, viewer)
    ).accessRequest!;
    const grant = (
      await succeed(accessRoles, "decideAccessRequest", { requestId: request.id, decision: "APPROVED" }, BOB)
    ).roleGrant!;

    // Today it is pending; 31 days on it is past its 30-day TTL (reads say EXPIRED then, before any sweep: see
    // role-grant/status.test.ts), and the sweep records it.
    const { data } = await accessRoles.execute<{ me: { accessRequests: { id: string; status: string }[] } }>(
      "{ me { accessRequests { id status } } }",
      {},
      { viewer },
    );
    expect(data!.me.accessRequests.find((item) => item.id === lapsing.id)!.status).toBe("PENDING");
    const month = await sweep(accessRoles.dataSource, new Date(Date.now() + 31 * DAY));
    // The seed's pending request (two days old) lapses too, and dana's auditor grant reaches its end date.
    expect(month).toMatchObject({ expiredRequests: 2, expiredGrants: 1, removedUncertifiedGrants: 0 });
    expect(await sweep(accessRoles.dataSource, new Date(Date.now() + 31 * DAY))).toMatchObject({
      expiredRequests: 0,
      expiredGrants: 0,
      removedUncertifiedGrants: 0,
    });
    const [lapsed] = await rows(`SELECT status, decided_at FROM access_request WHERE id = '${lapsing.id}'`);
    expect(lapsed.status).toBe("EXPIRED");
    const [ended] = await rows(
      `SELECT end_state FROM role_grant WHERE id = 'seed-grant-dana-pecos-ai-security-auditor'`,
    );
    expect(ended.end_state).toBe("EXPIRED");

    // 91 days on: the 90-day extract analyst grant expires.
    const quarter = await sweep(accessRoles.dataSource, new Date(Date.now() + 91 * DAY));
    expect(quarter).toMatchObject({ expiredRequests: 0, expiredGrants: 1, removedUncertifiedGrants: 0 });
    const [expired] = await rows(`SELECT end_state, ended_at FROM role_grant WHERE id = '${grant.id}'`);
    expect(expired.end_state).toBe("EXPIRED");

    // 170 days on: bob's approver grants (due 165 days after the seed) were never certified; erin's 180-day
    // privileged grant (150 days left) ends.
    const half = await sweep(accessRoles.dataSource, new Date(Date.now() + 170 * DAY));
    expect(half).toMatchObject({ expiredRequests: 0, expiredGrants: 1, removedUncertifiedGrants: 2 });
    const removed = await rows(`SELECT id FROM role_grant WHERE end_state = 'REMOVED_UNCERTIFIED' ORDER BY id`);
    expect(removed.map((row: { id: string }) => row.id)).toEqual([
      "seed-grant-bob-pecos-ai-approver",
      "seed-grant-bob-pecos-dm-approver",
      "seed-grant-frank-qarm-user",
    ]);

    const audit = await accessRoles.execute<{
      auditEvents: { nodes: { action: string; targetId: string; outcome: string; requestId: string }[] };
    }>(
      `{ auditEvents(filter: { actor: "system:sweep" }, first: 100) { nodes { action targetId outcome requestId } } }`,
      {},
      { viewer: FRANK },
    );
    const events = audit.data!.auditEvents.nodes;
    expect(events.filter((event) => event.targetId === lapsing.id)).toEqual([
      { action: "ACCESS_REQUEST_EXPIRED", targetId: lapsing.id, outcome: "EXPIRED", requestId: month.runId },
    ]);
    expect(events.filter((event) => event.targetId === grant.id)).toEqual([
      { action: "ROLE_GRANT_EXPIRED", targetId: grant.id, outcome: "EXPIRED", requestId: quarter.runId },
    ]);
    expect(events.filter((event) => event.action === "ROLE_GRANT_REMOVED_UNCERTIFIED")).toHaveLength(2);
    expect(events).toHaveLength(2 + 1 + 1 + 3);
  });

  it("refuses to rewrite the audit log, whatever code runs", async () => {
    await expect(rows(`UPDATE audit_event SET actor = 'someone-else'`)).rejects.toThrow(/append-only/);
    await expect(rows(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(rows(`DELETE FROM access_decision`)).rejects.toThrow(/append-only/);
  });
});
