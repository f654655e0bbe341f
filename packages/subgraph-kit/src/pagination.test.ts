import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, likePattern, pageSize, toPage } from "./pagination.js";

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
  it("round-trip a keyset position", () => {
    expect(decodeCursor(encodeCursor(["aps", "x"]), 2)).toEqual(["aps", "x"]);
  });

  it.each(["garbage", encodeCursor(["only-one"]), Buffer.from("{}").toString("base64url")])(
    "refuse a cursor this connection did not make (%s)",
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow("after: is not a cursor from this connection");
    },
  );
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
