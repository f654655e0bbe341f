import { describe, expect, it } from "vitest";
import { cursorFormat, likePattern, pageOfList, pageSize, toPage } from "./pagination.js";

describe("pageSize", () => {
  it("defaults when absent and keeps values in range", () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(0)).toBe(0);
    expect(pageSize(100)).toBe(100);
  });

  it.each([101, -1, 1.5])("refuses %s, naming the argument and the rule", (first) => {
    expect(() => pageSize(first)).toThrow("first: must be an integer from 0 to 100");
  });
});

describe("cursors", () => {
  const byName = cursorFormat("things", ["string", "string"]);
  const byId = cursorFormat("events", ["int"]);
  const byDay = cursorFormat("queue", ["day", "instant"]);
  const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

  it("round-trip a keyset position", () => {
    expect(byName.decode(byName.encode(["aps", "x"]))).toEqual(["aps", "x"]);
    expect(byId.decode(byId.encode([42]))).toEqual([42]);
    expect(byDay.decode(byDay.encode(["2026-12-03", "2026-12-03T10:15:30.000Z"]))).toEqual([
      "2026-12-03",
      "2026-12-03T10:15:30.000Z",
    ]);
  });

  it.each([
    ["garbage", "garbage"],
    ["an empty object", raw({})],
    ["the old format, without the connection", raw(["aps", "x"])],
    ["too few parts", raw(["things", "aps"])],
    ["another connection's cursor of the same shape", cursorFormat("others", ["string", "string"]).encode(["a", "b"])],
  ])("refuse %s, naming the argument", (_name, cursor) => {
    expect(() => byName.decode(cursor)).toThrow("after: is not a cursor from things");
  });

  it.each([
    ["a string id", raw(["events", "abc"])],
    ["a fractional id", raw(["events", 1.5])],
    ["an unsafe integer", raw(["events", 2 ** 60])],
  ])("refuse %s where an integer belongs", (_name, cursor) => {
    expect(() => byId.decode(cursor, "page")).toThrow("page: is not a cursor from events");
  });

  it.each([
    raw(["queue", "tomorrow", "2026-12-03T10:15:30.000Z"]),
    raw(["queue", "2026-12-03", "2026-13-45T99:00:00Z"]),
  ])("refuse days and instants that are not (%s)", (cursor) => {
    expect(() => byDay.decode(cursor)).toThrow("after: is not a cursor from queue");
  });
});

describe("toPage", () => {
  it("uses the extra row only to tell there is a next page", () => {
    const page = toPage([1, 2, 3], 2, null, String);
    expect(page.nodes).toEqual([1, 2]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: "1", endCursor: "2" });
    expect(toPage([1], 2, "c", String).pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});

describe("likePattern", () => {
  it("escapes wildcards and lower-cases", () => {
    expect(likePattern("A_b%c\\")).toBe("%a\\_b\\%c\\\\%");
  });
});

describe("pageOfList", () => {
  const cursors = cursorFormat("fruits", ["string", "string"]);
  const items = ["pear", "apple", "fig", "Apple", "date"].map((name, i) => ({ id: `f${i}`, name }));
  const read = (after: string | null) =>
    pageOfList({ items, cursors, key: (item) => item.name.toLowerCase(), first: 2, after });

  it("walks the list by (key, id) in pages, ties broken by id, without a gap or a repeat", async () => {
    const seen: string[][] = [];
    let after: string | null = null;
    for (;;) {
      const page = read(after);
      seen.push(page.nodes.map((item) => item.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([["f1", "f3"], ["f4", "f2"], ["f0"]]);
    expect(await read(null).countTotal()).toBe(5);
  });

  it("refuses another connection's cursor, naming after", () => {
    expect(() => read(cursorFormat("others", ["string", "string"]).encode(["a", "b"]))).toThrow(
      "after: is not a cursor from fruits",
    );
  });
});
