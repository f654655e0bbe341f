import { describe, expect, it } from "vitest";
import { loadOperationLimits } from "./config.js";

describe("operation limit configuration", () => {
  it.each([
    [{ MAX_DEPTH: "0" }, 'MAX_DEPTH must be a whole number from 1 to 1000 (got "0")'],
    [{ MAX_ALIASES: "many" }, 'MAX_ALIASES must be a whole number from 0 to 100000 (got "many")'],
    [{ MAX_ROOT_FIELDS: "-2" }, "MAX_ROOT_FIELDS must be a whole number from 1"],
    [{ MAX_DIRECTIVES: "1.5" }, "MAX_DIRECTIVES must be a whole number from 0"],
    [{ MAX_TOKENS: "10k" }, "MAX_TOKENS must be a whole number from 1"],
    [{ MAX_COST: "0" }, "MAX_COST must be a whole number from 1"],
    [{ COST_LIST_SIZE: "0" }, "COST_LIST_SIZE must be a whole number from 1"],
    [{ COST_ENTITY_WEIGHT: "x" }, "COST_ENTITY_WEIGHT must be a whole number from 0"],
  ])("refuses %o with a message naming the variable and the rule", (env, message) => {
    expect(() => loadOperationLimits(env)).toThrow(message);
  });
});
