import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTransaction } from "@portal-graph/subgraph-kit";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph, sqlTotals } from "@portal-graph/subgraph-kit/testing";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { BOB, CAROL, mutate, succeed, WHY } from "../access.test-support.js";
import { subgraph } from "../server.js";
import { AccessRequest } from "./access-request.entity.js";
import { closePending } from "./access-request.transitions.js";
import { AccessRequestStatus } from "./access-request.types.js";

const kinds = await testDatabaseKinds();

const count = async (db: TestSubgraph, sql: string) => Number((await db.dataSource.query(sql))[0].n);

describe.each(kinds)("exactly once on %s", (kind) => {
  let accessRoles: TestSubgraph;
  beforeAll(async () => {
    accessRoles = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await accessRoles?.close();
  });

  const request = async (user: string, roleId = "pecos-ai-viewer") =>
    (await succeed(accessRoles, "requestAccess", { roleId, justification: WHY }, devViewer(user))).accessRequest!.id;

  const decideBoth = (requestId: string) =>
    Promise.all(
      [BOB, CAROL].map((viewer) =>
        mutate(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, viewer),
      ),
    );

  it("the conditional update refuses a stale version and writes nothing", async () => {
    const id = await request("stale-reader");
    const read = await accessRoles.dataSource.getRepository(AccessRequest).findOneByOrFail({ id });
    const first = await writeTransaction(accessRoles.dataSource, (manager) =>
      closePending(manager, read, AccessRequestStatus.REJECTED, new Date()),
    );
    const second = await writeTransaction(accessRoles.dataSource, (manager) =>
      closePending(manager, read, AccessRequestStatus.APPROVED, new Date()),
    );
    expect([first, second]).toEqual([true, false]);
    const row = await accessRoles.dataSource.getRepository(AccessRequest).findOneByOrFail({ id });
    expect([row.storedStatus, row.version]).toEqual([AccessRequestStatus.REJECTED, 1]);
  });

  it("two approvers deciding at once: one decision, one grant, the other ALREADY_DECIDED (20 rounds)", async () => {
    for (let round = 0; round < 20; round += 1) {
      const requestId = await request(`racer-${round}`);
      const outcomes = await decideBoth(requestId);
      const codes = outcomes.map((outcome) => outcome.payload!.userErrors.map((error) => error.code));
      expect(codes.filter((list) => list.length === 0)).toHaveLength(1);
      expect(codes.flat()).toEqual(["ALREADY_DECIDED"]);
      expect(outcomes.flatMap((outcome) => outcome.errors ?? [])).toEqual([]);
      const where = `request_id = '${requestId}'`;
      expect(await count(accessRoles, `SELECT COUNT(*) AS n FROM access_decision WHERE ${where}`)).toBe(1);
      expect(await count(accessRoles, `SELECT COUNT(*) AS n FROM role_grant WHERE ${where}`)).toBe(1);
      expect(
        await count(accessRoles, `SELECT COUNT(*) AS n FROM audit_event WHERE access_request_id = '${requestId}'`),
      ).toBe(3);
    }
  });

  it("both deciders past their checks before either writes: the database lets exactly one through", async () => {
    const requestId = await request("held-back");
    // Hold every write back until both decisions have read the request as PENDING and queued their update.
    const release = kind === "postgres" ? await lockRow(accessRoles, requestId) : holdSqliteWrites(accessRoles);
    const racing = decideBoth(requestId);
    await release.whenWaiting(2);
    await release.go();
    const codes = (await racing).map((outcome) => outcome.payload!.userErrors.map((error) => error.code));
    expect(codes.flat()).toEqual(["ALREADY_DECIDED"]);
    expect(
      await count(accessRoles, `SELECT COUNT(*) AS n FROM access_decision WHERE request_id = '${requestId}'`),
    ).toBe(1);
  });

  it("two identical requests at once: one pending request, the other REQUEST_ALREADY_PENDING", async () => {
    const viewer = devViewer("double-clicker");
    const outcomes = await Promise.all(
      [1, 2].map(() => mutate(accessRoles, "requestAccess", { roleId: "qarm-user", justification: WHY }, viewer)),
    );
    expect(outcomes.flatMap((outcome) => outcome.payload!.userErrors.map((error) => error.code))).toEqual([
      "REQUEST_ALREADY_PENDING",
    ]);
    const where = "requester_id = 'double-clicker' AND status = 'PENDING'";
    expect(await count(accessRoles, `SELECT COUNT(*) AS n FROM access_request WHERE ${where}`)).toBe(1);
    expect(
      await count(accessRoles, `SELECT COUNT(*) AS n FROM audit_event WHERE subject_user_id = 'double-clicker'`),
    ).toBe(1);
  });

  it("never lets a requester approve their own request, even a portal admin", async () => {
    const requestId = (await succeed(accessRoles, "requestAccess", { roleId: "qarm-user", justification: WHY }, CAROL))
      .accessRequest!.id;
    const own = await mutate(accessRoles, "decideAccessRequest", { requestId, decision: "APPROVED" }, CAROL);
    expect(own.payload!.userErrors.map((error) => error.code)).toEqual(["REQUESTER_CANNOT_DECIDE"]);
  });
});

interface Gate {
  /** Resolves once `n` writers wait behind the gate. */
  whenWaiting(n: number): Promise<void>;
  go(): Promise<void>;
}

/** PostgreSQL: a second connection locks the request row; both decisions' UPDATEs then wait on the lock. */
async function lockRow(db: TestSubgraph, requestId: string): Promise<Gate> {
  const options = db.dataSource.options as { url: string; schema: string };
  const client = new pg.Client({ connectionString: options.url, options: `-c search_path=${options.schema}` });
  await client.connect();
  await client.query("BEGIN");
  await client.query("SELECT id FROM access_request WHERE id = $1 FOR UPDATE", [requestId]);
  return {
    async whenWaiting(n) {
      for (;;) {
        const { rows } = await client.query(
          `SELECT COUNT(*) AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'UPDATE%access_request%'`,
        );
        if (Number(rows[0].n) >= n) return;
        // Inside a transaction, statistics views keep their first snapshot unless told to take a new one.
        await client.query("SELECT pg_stat_clear_snapshot()");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async go() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/**
 * SQLite: transactions take turns (writeTransaction), so one that waits on the gate holds back every write queued
 * after it. A decision queues its write only once its checks (reads) are done: when no statement has run for a
 * while, both are waiting in the queue.
 */
function holdSqliteWrites(db: TestSubgraph): Gate {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const held = writeTransaction(db.dataSource, () => gate);
  return {
    async whenWaiting() {
      let last = -1;
      for (let quiet = 0; quiet < 5;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        quiet = sqlTotals.statements === last ? quiet + 1 : 0;
        last = sqlTotals.statements;
      }
    },
    async go() {
      open();
      await held;
    },
  };
}
