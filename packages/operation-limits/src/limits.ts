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
  const cost = model ? estimateCost(document, operation, variables, model) : 0;
  if (cost > limits.cost) throw new OperationLimitExceededError("cost", limits.cost, cost);
  return { ...shape, cost };
}
