import { describe, expect, it } from "vitest";
import { decodeReadinessParts, encodeReadinessParts, type ReadinessPart } from "./readiness.js";

describe("readiness reports", () => {
  const parts: ReadinessPart[] = [
    { kind: "ROLE_REQUIRED", message: "Request a role.", roleIds: ["pecos-ai-viewer"] },
    { kind: "MFA_REQUIRED", message: "Sign in with a second factor.", factors: ["otp"] },
  ];

  it("read back what was written", () => {
    expect(decodeReadinessParts(encodeReadinessParts(parts))).toEqual(parts);
    expect(decodeReadinessParts([])).toEqual([]);
  });

  it("are unreadable as a whole when one entry is not JSON, of an unknown kind, or lacks a field", () => {
    const good = encodeReadinessParts(parts);
    expect(decodeReadinessParts([...good, "not json"])).toBeNull();
    expect(decodeReadinessParts([...good, JSON.stringify({ kind: "NEW_KIND", message: "?" })])).toBeNull();
    expect(decodeReadinessParts([JSON.stringify({ kind: "ROLE_REQUIRED", message: "Request a role." })])).toBeNull();
    expect(decodeReadinessParts([JSON.stringify({ kind: "MFA_REQUIRED", factors: [] })])).toBeNull();
  });
});
