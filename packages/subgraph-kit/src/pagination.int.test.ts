import { Column, Entity, PrimaryColumn, type DataSource } from "typeorm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@portal-graph/http-kit";
import { openDatabase } from "./database.js";
import { cursorFormat, pageById, pageByKey, type PageOrder } from "./pagination.js";
import { createTestDatabase, testDatabaseKinds } from "./testing/databases.js";

@Entity("paged_item")
class PagedItem {
  @PrimaryColumn({ type: "varchar" })
  id!: string;

  @Column({ type: "integer" })
  rank!: number;
}

@Entity("paged_event")
class PagedEvent {
  @PrimaryColumn({ type: "integer" })
  id!: number;

  @Column({ type: "varchar" })
  kind!: string;
}

// Ranks repeat, so the id must break ties for a page boundary to be exact.
const ITEMS = ["a", "b", "c", "d", "e", "f", "g"].map((id, i) => ({ id, rank: Math.floor(i / 3) }));
const EVENTS = [1, 2, 3, 4, 5, 6, 7].map((id) => ({ id, kind: id % 2 ? "odd" : "even" }));

describe.each(await testDatabaseKinds())("keyset paging on %s", (kind) => {
  let dataSource: DataSource;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase(kind, "kit-paging");
    drop = database.drop;
    dataSource = await openDatabase({
      target: database.target,
      entities: [PagedItem, PagedEvent],
      migrations: [],
      logger: createLogger("kit"),
    });
    await dataSource.query("CREATE TABLE paged_item (id VARCHAR(10) PRIMARY KEY, rank INTEGER NOT NULL)");
    await dataSource.query("CREATE TABLE paged_event (id INTEGER PRIMARY KEY, kind VARCHAR(10) NOT NULL)");
    await dataSource.getRepository(PagedItem).insert([...ITEMS].reverse());
    await dataSource.getRepository(PagedEvent).insert(EVENTS);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await drop?.();
  });

  const itemCursors = cursorFormat("items", ["int", "string"]);
  const eventCursors = cursorFormat("events", ["int"]);

  /** Every page of a connection, two at a time, following endCursor. */
  async function walk<T>(
    read: (
      after: string | null,
    ) => Promise<{ nodes: T[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>,
  ) {
    const pages: T[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = await read(after);
      pages.push(page.nodes);
      if (!page.pageInfo.hasNextPage) return pages;
      after = page.pageInfo.endCursor;
    }
  }

  it.each<[PageOrder, string[][]]>([
    ["ASC", [["a", "b"], ["c", "d"], ["e", "f"], ["g"]]],
    ["DESC", [["g", "f"], ["e", "d"], ["c", "b"], ["a"]]],
  ])("pageByKey %s walks (rank, id) without a gap or a repeat across equal ranks", async (order, expected) => {
    const pages = await walk((after) =>
      pageByKey({
        cursors: itemCursors,
        matching: () => dataSource.getRepository(PagedItem).createQueryBuilder("i"),
        alias: "i",
        key: { column: "rank", of: (row) => row.rank },
        order,
        first: 2,
        after,
      }),
    );
    expect(pages.map((page) => page.map((item) => item.id))).toEqual(expected);
  });

  it.each<[PageOrder, number[][]]>([
    ["DESC", [[7, 5, 3], [1]]],
    ["ASC", [[1, 3, 5], [7]]],
  ])("pageById %s keeps the filter on every page and counts only when asked", async (order, expected) => {
    const matching = () =>
      dataSource.getRepository(PagedEvent).createQueryBuilder("e").where("e.kind = :kind", { kind: "odd" });
    const pages = await walk((after) =>
      pageById({ cursors: eventCursors, matching, alias: "e", order, first: 3, after }),
    );
    expect(pages.map((page) => page.map((event) => event.id))).toEqual(expected);
    const first = await pageById({ cursors: eventCursors, matching, alias: "e", order, first: 1, after: null });
    expect(await first.countTotal()).toBe(4);
  });

  it("refuses another connection's cursor, naming after", async () => {
    const foreign = itemCursors.encode([0, "a"]);
    await expect(
      pageById({
        cursors: eventCursors,
        matching: () => dataSource.getRepository(PagedEvent).createQueryBuilder("e"),
        alias: "e",
        first: 2,
        after: foreign,
      }),
    ).rejects.toThrow("after: is not a cursor from events");
  });
});
