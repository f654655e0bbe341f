export { estimateCost, type CostModel, type FieldCostInfo, type ListSize } from "./cost.js";
export { OperationLimitExceededError, type LimitName } from "./errors.js";
export { checkOperation, checkShape, shapeOf, type OperationEstimate, type OperationLimits } from "./limits.js";
export {
  formatTokenLimitError,
  operationLimitsPlugin,
  tokenRefusal,
  type OperationLimitsPluginOptions,
} from "./plugin.js";
export { costModelFromSchema, type FieldResolution, type SchemaCostOptions } from "./schema-model.js";
export { measureShape, type OperationShape } from "./shape.js";
export { countTokens } from "./tokens.js";
export { createShapePrecheck, type ShapePrecheck } from "./precheck.js";
