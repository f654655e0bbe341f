import { describe, expect, it } from "vitest";
import { loadSubgraphLimits } from "./limits.js";
import { checkStatement, deadlineFrom } from "./request-budget.js";

describe("a request's budget", () => {
  const gone = new AbortController();
  gone.abort();

  it("always lets a rollback run, so a refused request never leaves a transaction open", () => {
    const scope = {
      requestId: "r",
      sqlStatements: 9,
      maxStatements: 1,
      signal: gone.signal,
      deadline: 0,
      timeoutMs: 0,
    };
    expect(() => checkStatement(scope, "ROLLBACK")).not.toThrow();
    expect(() => checkStatement(scope, "ROLLBACK TO SAVEPOINT typeorm_1")).not.toThrow();
    expect(() => checkStatement(scope, "COMMIT")).toThrow(/closed the connection/);
  });

  it("reads the gateway's deadline, ignoring a header that is not a whole number of milliseconds", () => {
    expect(deadlineFrom({ "x-request-timeout-ms": "250" }, 1000)).toEqual({ deadline: 1250, timeoutMs: 250 });
    for (const value of ["", "-5", "2.5", "soon", "1e3"]) {
      expect(deadlineFrom({ "x-request-timeout-ms": value }, 1000)).toBeUndefined();
    }
    expect(deadlineFrom({}, 1000)).toBeUndefined();
  });

  it("refuses a bad limit with a message naming the variable and the rule", () => {
    expect(() => loadSubgraphLimits({ SUBGRAPH_MAX_ENTITIES: "0" })).toThrow(
      'SUBGRAPH_MAX_ENTITIES must be a whole number from 1 to 10000000 (got "0")',
    );
    expect(() => loadSubgraphLimits({ SUBGRAPH_MAX_SQL_STATEMENTS: "lots" })).toThrow(
      "SUBGRAPH_MAX_SQL_STATEMENTS must be",
    );
  });
});
