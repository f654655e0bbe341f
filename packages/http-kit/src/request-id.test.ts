import { describe, expect, it } from "vitest";
import { requestIdFrom } from "@portal-graph/http-kit";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("requestIdFrom", () => {
  it.each(["abc-123", "A.b_c-9", "x".repeat(64)])("keeps a safe caller-supplied id (%s)", (id) => {
    expect(requestIdFrom(id)).toBe(id);
  });

  it.each([
    ["a line break", "bad\nid"],
    ["a space", "two words"],
    ["a colon", "trace:123"],
    ["65 characters", "x".repeat(65)],
    ["markup", "<script>"],
    ["non-ASCII letters", "café"],
    ["an empty value", ""],
  ])("replaces an id with %s by a new one", (_name, id) => {
    expect(requestIdFrom(id)).toMatch(UUID);
  });

  it("makes an id when there is none, and reads the first of repeated headers", () => {
    expect(requestIdFrom(undefined)).toMatch(UUID);
    expect(requestIdFrom(["first-1", "second-2"])).toBe("first-1");
  });
});
