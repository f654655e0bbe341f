import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestSubgraph, testDatabaseKinds, type TestSubgraph } from "@portal-graph/subgraph-kit/testing";
import { subgraph } from "../server.js";

const kinds = await testDatabaseKinds();

describe.each(kinds)("catalog migrations on %s", (kind) => {
  let catalog: TestSubgraph;
  beforeAll(async () => {
    catalog = await openTestSubgraph(subgraph, kind);
  });
  afterAll(async () => {
    await catalog?.close();
  });

  it("undoes and redoes the writes migration, keeping the seeded applications", async () => {
    const db = catalog.dataSource;
    const count = async () => Number((await db.query(`SELECT COUNT(*) AS n FROM application`))[0].n);
    const seeded = await count();
    await db.undoLastMigration({ transaction: "each" });
    expect(await db.query(`SELECT 1 FROM application WHERE owner_group IS NULL`).catch(() => "gone")).toBe("gone");
    expect(await db.query(`SELECT 1 FROM application_change`).catch(() => "gone")).toBe("gone");
    expect(await count()).toBe(seeded);
    await db.runMigrations({ transaction: "each" });
    expect(await db.query(`SELECT COUNT(*) AS n FROM application_change`)).toEqual([
      { n: kind === "postgres" ? "0" : 0 },
    ]);
    expect(await count()).toBe(seeded);
  });
});
