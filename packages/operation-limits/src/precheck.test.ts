import { describe, expect, it } from "vitest";
import { OperationLimitExceededError } from "./errors.js";
import type { OperationLimits } from "./limits.js";
import { createShapePrecheck } from "./precheck.js";

const LIMITS: OperationLimits = { depth: 3, aliases: 2, rootFields: 3, directives: 1, tokens: 200, cost: 1000 };

function refusal(run: () => void): OperationLimitExceededError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof OperationLimitExceededError) return error;
    throw error;
  }
}

describe("the structural precheck on an operation's text", () => {
  const precheck = createShapePrecheck(LIMITS);

  it("passes an operation within every limit", () => {
    expect(refusal(() => precheck("{ a { b { c } } x: a { b } }"))).toBeUndefined();
  });

  it.each([
    ["depth", "{ a { b { c { d } } } }", 3, 4],
    ["aliases", "{ x: a y: a z: a }", 2, 3],
    ["rootFields", "{ a b c d }", 3, 4],
    ["directives", "{ a @skip(if: false) @include(if: true) }", 1, 2],
  ] as const)("refuses one over the %s limit", (limit, query, max, actual) => {
    expect(refusal(() => precheck(query))).toMatchObject({ limit, max, actual });
  });

  it("measures the operation the request names, and leaves an ambiguous request to the server", () => {
    const document = "query Small { a } query Wide { x: a y: a z: a }";
    expect(refusal(() => precheck(document, "Small"))).toBeUndefined();
    expect(refusal(() => precheck(document, "Wide"))).toMatchObject({ limit: "aliases" });
    expect(refusal(() => precheck(document))).toBeUndefined();
    expect(refusal(() => precheck(document, "Missing"))).toBeUndefined();
  });

  it("leaves what does not parse, or is over the token limit, to the server's own errors", () => {
    expect(refusal(() => precheck("{ x: a y: a z: a"))).toBeUndefined();
    expect(refusal(() => precheck(`{ ${"x: a ".repeat(100)}}`))).toBeUndefined();
    expect(refusal(() => precheck(undefined))).toBeUndefined();
    expect(refusal(() => precheck({ query: "{ a }" }))).toBeUndefined();
  });

  it("remembers a verdict but gives each request an error of its own", () => {
    const first = refusal(() => precheck("{ x: a y: a z: a w: a }"));
    const second = refusal(() => precheck("{ x: a y: a z: a w: a }"));
    expect(second).toMatchObject({ limit: "aliases", actual: 4 });
    expect(second).not.toBe(first);
  });
});
