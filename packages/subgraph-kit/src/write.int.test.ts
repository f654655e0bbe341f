import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { openDatabase } from "./database.js";
import { createTestDatabase, testDatabaseKinds } from "./testing/databases.js";
import { Refused, runWrite, type UniqueRule } from "./write.js";

interface Problem {
  field: string;
  code: string;
  message: string;
}

const TAKEN: Problem = { field: "code", code: "CODE_TAKEN", message: "Another item has this code" };
const UNIQUE: UniqueRule<Problem>[] = [{ constraint: "item_code_key", columns: "item.code", refusal: TAKEN }];

describe.each(await testDatabaseKinds())("runWrite on %s", (kind) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase(kind, "kit-write");
    drop = database.drop;
    dataSource = await openDatabase({
      target: database.target,
      entities: [],
      migrations: [],
      logger: createLogger("kit"),
    });
    await dataSource.query("CREATE TABLE item (id INTEGER PRIMARY KEY, code VARCHAR(20) NOT NULL)");
    await dataSource.query("CREATE UNIQUE INDEX item_code_key ON item (code)");
    await dataSource.query("CREATE TABLE item_log (item_id INTEGER NOT NULL, note VARCHAR(40) NOT NULL)");
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  const count = async (table: string) => Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const context = () => ({
    dataSource,
    loaders: { items: new DataLoader(async (ids: readonly number[]) => ids.map((id) => ({ id }))), other: () => 1 },
  });

  it("writes the rows and their log in one transaction, and the request's loaders forget what they held", async () => {
    const ctx = context();
    await ctx.loaders.items.load(1);
    const result = await runWrite<number, Problem>(ctx, async (manager) => {
      await manager.query("INSERT INTO item (id, code) VALUES (1, 'a')");
      await manager.query("INSERT INTO item_log (item_id, note) VALUES (1, 'created')");
      return 1;
    });
    expect(result).toEqual({ value: 1, userErrors: [] });
    expect([await count("item"), await count("item_log")]).toEqual([1, 1]);
    // A cleared DataLoader calls its batch function again.
    let batches = 0;
    const loader = new DataLoader(async (ids: readonly number[]) => (batches++, ids.map((id) => ({ id }))));
    await loader.load(1);
    await runWrite({ dataSource, loaders: { loader } }, async () => undefined);
    await loader.load(1);
    expect(batches).toBe(2);
  });

  it("answers a Refused thrown inside as userErrors, and keeps nothing the write had done", async () => {
    const result = await runWrite<number, Problem>(context(), async (manager) => {
      await manager.query("INSERT INTO item (id, code) VALUES (2, 'b')");
      await manager.query("INSERT INTO item_log (item_id, note) VALUES (2, 'created')");
      throw new Refused([{ field: "id", code: "GONE", message: "It went away" }]);
    });
    expect(result).toEqual({ value: null, userErrors: [{ field: "id", code: "GONE", message: "It went away" }] });
    expect([await count("item"), await count("item_log")]).toEqual([1, 1]);
  });

  it("answers a unique constraint a concurrent write tripped with its refusal, and rolls back", async () => {
    const result = await runWrite<number, Problem>(
      context(),
      async (manager) => {
        await manager.query("INSERT INTO item_log (item_id, note) VALUES (3, 'created')");
        await manager.query("INSERT INTO item (id, code) VALUES (3, 'a')");
        return 3;
      },
      UNIQUE,
    );
    expect(result).toEqual({ value: null, userErrors: [TAKEN] });
    expect([await count("item"), await count("item_log")]).toEqual([1, 1]);
  });

  it("throws any other error, after rolling back", async () => {
    await expect(
      runWrite<number, Problem>(
        context(),
        async (manager) => {
          await manager.query("INSERT INTO item_log (item_id, note) VALUES (4, 'created')");
          await manager.query("INSERT INTO item (id, code) VALUES (1, 'other')");
          return 4;
        },
        UNIQUE,
      ),
    ).rejects.toThrow();
    expect(await count("item_log")).toBe(1);
  });
});
