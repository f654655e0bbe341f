import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  costModelFromSchema,
  OperationLimitExceededError,
  operationLimitsPlugin,
} from "@portal-graph/operation-limits";
import { Kind, valueFromASTUntyped, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { DEFAULT_PAGE_SIZE } from "./pagination.js";
import { readWholeNumber } from "@portal-graph/http-kit";

/** What one request to a subgraph may ask for and do, whoever sends it (a subgraph does not trust the gateway alone). */
export interface SubgraphLimits {
  depth: number;
  cost: number;
  /** Entity representations in one request's `_entities` calls. */
  entities: number;
  /** SQL statements one GraphQL request may run. */
  sqlStatements: number;
}

/**
 * Reads the subgraph's limits. The defaults sit well above what the gateway's own limits let through (MAX_DEPTH 12;
 * MAX_COST 25000, an estimate over assumed list sizes where a subgraph counts real representations; the portal
 * home sends 100 representations, the benchmark a few hundred), so only a caller that went around the gateway,
 * or a gateway configured far looser, meets them.
 */
export function loadSubgraphLimits(env: NodeJS.ProcessEnv = process.env): SubgraphLimits {
  return {
    depth: readWholeNumber(env, "SUBGRAPH_MAX_DEPTH", 16, 1, 1000),
    cost: readWholeNumber(env, "SUBGRAPH_MAX_COST", 1_000_000, 1, 1_000_000_000),
    entities: readWholeNumber(env, "SUBGRAPH_MAX_ENTITIES", 5000, 1, 10_000_000),
    sqlStatements: readWholeNumber(env, "SUBGRAPH_MAX_SQL_STATEMENTS", 500, 1, 10_000_000),
  };
}

// Only depth and cost are a subgraph's own; the gateway bounds aliases, root fields, directives and tokens.
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/**
 * An Apollo plugin refusing, before any resolver runs, an operation deeper or dearer than the limits (a simple
 * estimate over the subgraph's own schema: `_entities` is sized by its representations) or with more entity
 * representations than allowed. Each refusal is one OPERATION_LIMIT_EXCEEDED error with HTTP 400.
 */
export function subgraphLimitsPlugin<TContext extends BaseContext>(
  schema: GraphQLSchema,
  limits: SubgraphLimits,
): ApolloServerPlugin<TContext> {
  const model = costModelFromSchema(schema, {
    defaultListSize: DEFAULT_PAGE_SIZE,
    // Within one subgraph nothing crosses to another: entities are the subgraph's own rows.
    entityWeight: 0,
    listSizes: { "Query._entities": { slicingArguments: ["representations"] } },
  });
  return operationLimitsPlugin<TContext>({
    limits: {
      depth: limits.depth,
      cost: limits.cost,
      aliases: UNBOUNDED,
      rootFields: UNBOUNDED,
      directives: UNBOUNDED,
      tokens: UNBOUNDED,
    },
    costModel: () => model,
    before: (_document, operation, variables) => {
      const count = representations(operation, variables);
      if (count > limits.entities) throw new OperationLimitExceededError("entities", limits.entities, count);
    },
  });
}

/** How many entity representations the operation's `_entities` root fields carry, from literals or variables. */
function representations(operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  let count = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== "_entities") continue;
    const argument = selection.arguments?.find((candidate) => candidate.name.value === "representations");
    const value = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
    if (Array.isArray(value)) count += value.length;
  }
  return count;
}
