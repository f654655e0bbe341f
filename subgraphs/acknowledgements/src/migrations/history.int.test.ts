import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { devViewer } from "@portal-graph/auth/dev-issuer";
import { setClock } from "../clock.js";
import { POLICY_IDS } from "../seed/policies.js";
import { subgraph } from "../server.js";
import { TEST_NOW } from "../test-support.js";

const kinds = await testDatabaseKinds();

// Statements a person at a SQL prompt (or a bug) could run to rewrite history; the database must refuse each.
const REWRITES: [string, string][] = [
  ["acknowledgement", "UPDATE acknowledgement SET acknowledged_at = valid_until WHERE user_id = 'bob'"],
  ["acknowledgement", "UPDATE acknowledgement SET method = 'WRITTEN'"],
  ["acknowledgement", "DELETE FROM acknowledgement WHERE user_id = 'dana'"],
  ["policy_version", `UPDATE policy_version SET body = 'something else' WHERE id = '${POLICY_IDS.rulesOfBehavior}-v2'`],
  ["policy_version", `DELETE FROM policy_version WHERE id = '${POLICY_IDS.paperworkReduction}-v1'`],
  ["policy_change", "UPDATE policy_change SET actor = 'mallory'"],
  ["policy_change", "DELETE FROM policy_change"],
];

describe.each(kinds)("history on %s", (kind) => {
  let acks: TestSubgraph;
  const snapshot = async () => ({
    acknowledgement: await acks.dataSource.query("SELECT * FROM acknowledgement ORDER BY id"),
    policy_version: await acks.dataSource.query("SELECT * FROM policy_version ORDER BY id"),
    policy_change: await acks.dataSource.query("SELECT * FROM policy_change ORDER BY id"),
  });

  beforeAll(async () => {
    setClock(() => TEST_NOW);
    acks = await openTestSubgraph(subgraph, kind);
    // A policy_change row to protect: a publish by a policy admin.
    const { data } = await acks.execute<{ publishPolicyVersion: { userErrors: unknown[] } }>(
      `mutation { publishPolicyVersion(input: { policyId: "${POLICY_IDS.privacyAct}", body: "A revised statement." })
        { userErrors { code } } }`,
      {},
      { viewer: devViewer("erin") },
    );
    expect(data!.publishPolicyVersion.userErrors).toEqual([]);
  });
  afterAll(async () => {
    setClock(null);
    await acks?.close();
  });

  it.each(REWRITES)("refuses a direct rewrite of %s: %s", async (table, sql) => {
    const before = await snapshot();
    expect(before[table as keyof typeof before].length).toBeGreaterThan(0);
    await expect(acks.dataSource.query(sql)).rejects.toThrow(`${table} is append-only`);
    expect(await snapshot()).toEqual(before);
  });

  it.runIf(kind === "postgres")(
    "refuses TRUNCATE of acknowledgements on PostgreSQL (skipped on SQLite, which has no TRUNCATE)",
    async () => {
      await expect(acks.dataSource.query("TRUNCATE acknowledgement")).rejects.toThrow("acknowledgement is append-only");
    },
  );

  it("still accepts new acknowledgements (append-only, not read-only)", async () => {
    const [{ n }] = await acks.dataSource.query("SELECT COUNT(*) AS n FROM acknowledgement");
    await acks.dataSource.query(
      `INSERT INTO acknowledgement (user_id, policy_id, policy_version_id, acknowledged_at, method)
       VALUES ('zed', '${POLICY_IDS.banner}', '${POLICY_IDS.banner}-v1', CURRENT_TIMESTAMP, 'ELECTRONIC')`,
    );
    const [after] = await acks.dataSource.query("SELECT COUNT(*) AS n FROM acknowledgement");
    expect(Number(after.n)).toBe(Number(n) + 1);
  });

  it("refuses rows the checks forbid (a method that does not exist, a version of no policy)", async () => {
    await expect(
      acks.dataSource.query(
        `INSERT INTO acknowledgement (user_id, policy_id, policy_version_id, acknowledged_at, method)
         VALUES ('zed', '${POLICY_IDS.banner}', '${POLICY_IDS.banner}-v1', CURRENT_TIMESTAMP, 'VERBAL')`,
      ),
    ).rejects.toThrow();
    await expect(
      acks.dataSource.query(
        `INSERT INTO acknowledgement (user_id, policy_id, policy_version_id, acknowledged_at, method)
         VALUES ('zed', 'x', 'no-such-version', CURRENT_TIMESTAMP, 'ELECTRONIC')`,
      ),
    ).rejects.toThrow();
  });

  it("reverts its migration and applies it again", async () => {
    // The triggers go first, or DROP TABLE would be refused on the history tables.
    await acks.dataSource.undoLastMigration({ transaction: "each" });
    const tables = await acks.dataSource.query(
      kind === "postgres"
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'acknowledgements'"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '%polic%'",
    );
    expect(tables.filter((t: { name: string }) => t.name !== "migrations")).toEqual([]);
    await acks.dataSource.runMigrations({ transaction: "each" });
    expect(await subgraph.seed(acks.dataSource)).toBeGreaterThan(0);
    await expect(acks.dataSource.query("DELETE FROM acknowledgement")).rejects.toThrow(
      "acknowledgement is append-only",
    );
  });
});
