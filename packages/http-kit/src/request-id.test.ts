import { describe, expect, it } from "vitest";
import { requestIdFrom } from "@portal-graph/http-kit";

describe("requestIdFrom", () => {
  it("keeps a safe caller-supplied id", () => {
    expect(requestIdFrom("abc-123")).toBe("abc-123");
  });
  it("replaces an id that could inject into logs", () => {
    const id = requestIdFrom("bad\nid");
    expect(id).not.toContain("\n");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
  it("makes an id when there is none", () => {
    expect(requestIdFrom(undefined)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
