import { describe, expect, it } from "vitest";
import { httpStatusOf, isRequestErrorCode, REQUEST_ERROR_CODES } from "./error-codes.js";

describe("the request error registry", () => {
  const entries = Object.entries(REQUEST_ERROR_CODES);

  it("declares the codes the issue names, and each as a docs row can show it", () => {
    for (const code of [
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "BAD_USER_INPUT",
      "NOT_FOUND",
      "OPERATION_LIMIT_EXCEEDED",
      "SUBGRAPH_UNAVAILABLE",
      "IDENTITY_PROVIDER_UNAVAILABLE",
      "RATE_LIMITED",
      "GATEWAY_PROOF_REQUIRED",
      "INTERNAL",
    ]) {
      expect(isRequestErrorCode(code), code).toBe(true);
    }
    for (const [code, info] of entries) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(info.httpStatus, code).toBeGreaterThanOrEqual(200);
      expect(info.httpStatus, code).toBeLessThan(600);
      // One line of a Markdown table: no line breaks, no pipes, a full sentence.
      expect(info.meaning, code).toMatch(/^[A-Z`][^\n|]+\.$/);
    }
  });

  it("marks as retryable exactly the codes a later attempt may cure", () => {
    const retryable = entries.filter(([, info]) => info.retryable).map(([code]) => code);
    expect(retryable.sort()).toEqual(
      [
        "DEADLINE_EXCEEDED",
        "IDENTITY_PROVIDER_UNAVAILABLE",
        "PERSISTED_QUERY_NOT_FOUND",
        "RATE_LIMITED",
        "REQUEST_CANCELLED",
        "SUBGRAPH_UNAVAILABLE",
      ].sort(),
    );
    expect(httpStatusOf("RATE_LIMITED")).toBe(429);
    expect(httpStatusOf("IDENTITY_PROVIDER_UNAVAILABLE")).toBe(503);
  });

  it("knows only its own codes", () => {
    expect(isRequestErrorCode("INTERNAL_SERVER_ERROR")).toBe(false);
    expect(isRequestErrorCode("toString")).toBe(false);
    expect(isRequestErrorCode(undefined)).toBe(false);
  });
});
