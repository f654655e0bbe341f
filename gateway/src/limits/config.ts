import type { OperationLimits } from "@portal-graph/operation-limits";
import { readWholeNumber } from "@portal-graph/http-kit";
import type { CostSettings } from "./supergraph-cost.js";

/** The gateway's operation limits and how its cost estimate prices what the supergraph leaves open. */
export interface OperationLimitsConfig extends OperationLimits, CostSettings {}

/**
 * Reads the operation limits. The defaults leave every operation of the repository (the portal's pages, the
 * benchmark, the tests) at least twice under each limit; see the README's "Operation limits".
 */
export function loadOperationLimits(env: NodeJS.ProcessEnv): OperationLimitsConfig {
  return {
    depth: readWholeNumber(env, "MAX_DEPTH", 12, 1, 1000),
    aliases: readWholeNumber(env, "MAX_ALIASES", 30, 0, 100_000),
    rootFields: readWholeNumber(env, "MAX_ROOT_FIELDS", 20, 1, 100_000),
    directives: readWholeNumber(env, "MAX_DIRECTIVES", 5, 0, 1000),
    tokens: readWholeNumber(env, "MAX_TOKENS", 10_000, 1, 10_000_000),
    cost: readWholeNumber(env, "MAX_COST", 25_000, 1, 1_000_000_000),
    // The kit's default page size: a list of unknown length is priced as one default page.
    listSize: readWholeNumber(env, "COST_LIST_SIZE", 20, 1, 100_000),
    entityWeight: readWholeNumber(env, "COST_ENTITY_WEIGHT", 5, 0, 100_000),
  };
}
