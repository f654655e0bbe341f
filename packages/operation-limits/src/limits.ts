import type { DocumentNode, OperationDefinitionNode } from "graphql";
import { estimateCost, type CostModel } from "./cost.js";
import { OperationLimitExceededError } from "./errors.js";
import { measureShape, type OperationShape } from "./shape.js";

/** The most an operation may have of each; the names are the values of `extensions.limit`. */
export interface OperationLimits {
  depth: number;
  aliases: number;
  rootFields: number;
  directives: number;
  tokens: number;
  cost: number;
}

/** What was measured of an accepted operation. */
export interface OperationEstimate extends OperationShape {
  cost: number;
}

// Documents are parsed once and kept by Apollo's document store, so their shape is measured once too.
const shapes = new WeakMap<OperationDefinitionNode, OperationShape>();

/** The operation's shape, measured on first use. */
export function shapeOf(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  let shape = shapes.get(operation);
  if (!shape) {
    shape = measureShape(document, operation);
    shapes.set(operation, shape);
  }
  return shape;
}

// The same operation with the same variables costs the same under one model: the portal's pages repeat exactly.
const estimates = new WeakMap<CostModel, WeakMap<OperationDefinitionNode, Map<string, number>>>();
const ESTIMATES_PER_OPERATION = 64;

/** The operation's estimated cost with these variables, remembered per model, operation and variables. */
export function costOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  model: CostModel,
): number {
  let byOperation = estimates.get(model);
  if (!byOperation) estimates.set(model, (byOperation = new WeakMap()));
  let byVariables = byOperation.get(operation);
  if (!byVariables) byOperation.set(operation, (byVariables = new Map()));
  const key = JSON.stringify(variables ?? {});
  let cost = byVariables.get(key);
  if (cost === undefined) {
    cost = estimateCost(document, operation, variables, model);
    if (byVariables.size >= ESTIMATES_PER_OPERATION) byVariables.clear();
    byVariables.set(key, cost);
  }
  return cost;
}

/** Throws the error for the first structural limit the shape breaks, in a fixed order. */
export function checkShape(shape: OperationShape, limits: OperationLimits): void {
  for (const limit of ["depth", "aliases", "rootFields", "directives"] as const) {
    if (shape[limit] > limits[limit]) throw new OperationLimitExceededError(limit, limits[limit], shape[limit]);
  }
}

/**
 * Measures an operation and estimates its cost with the request's variables; throws OperationLimitExceededError
 * for the first limit it breaks (structure first, then cost). Without a cost model, cost is 0.
 */
export function checkOperation(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: OperationLimits,
  model: CostModel | undefined,
): OperationEstimate {
  const shape = shapeOf(document, operation);
  checkShape(shape, limits);
  const cost = model ? costOf(document, operation, variables, model) : 0;
  if (cost > limits.cost) throw new OperationLimitExceededError("cost", limits.cost, cost);
  return { ...shape, cost };
}
