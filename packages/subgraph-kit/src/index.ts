import "reflect-metadata";

export type { SubgraphContext, Viewer, MfaStatus } from "./context.js";
export { hasRole, isSelf, PortalAuthChecker, requireRole, requireSelfOrRole, requireViewer } from "./auth.js";
export {
  createUserErrors,
  InputChecks,
  SHARED_USER_ERROR_CODES,
  type SharedUserErrorCode,
  type UserErrorCodeMeanings,
  type UserErrorOf,
  type UserErrors,
  type UserErrorType,
} from "./user-errors.js";
export {
  columnTypes,
  createDataSource,
  databaseUrlVariable,
  isPostgres,
  openDatabase,
  resolveDatabase,
  type DatabaseTarget,
  type DataSourceOptions,
} from "./database.js";
export {
  BadUserInputError,
  createErrorFormatter,
  ForbiddenError,
  IdentityProviderUnavailableError,
  NotFoundError,
  PortalError,
  UnauthenticatedError,
} from "./errors.js";
export { buildFederatedSchema, linkFederation, FEDERATION_SPEC, type ReferenceResolvers } from "./federation.js";
export {
  cursorFormat,
  DEFAULT_PAGE_SIZE,
  likePattern,
  MAX_PAGE_SIZE,
  PageInfo,
  pageBySortName,
  pageSize,
  toPage,
  type CursorFormat,
  type CursorPart,
} from "./pagination.js";
export {
  DEFAULT_MAX_TEXT_LENGTH,
  inputHygienePlugin,
  type TextInputRule,
  type TextInputRules,
} from "./input-hygiene.js";
export { findRepoRoot, readRegistry, registryEntry, type RegistryEntry } from "./registry.js";
export {
  readRunningGraph,
  runningGraphFile,
  withRunningGraph,
  writeRunningGraph,
  type RunningGraph,
} from "./running-graph.js";
export { currentRequest, runInRequestScope, type RequestGuards, type RequestScope } from "./request-scope.js";
export {
  checkStatement,
  deadlineFrom,
  DeadlineExceededError,
  REQUEST_TIMEOUT_HEADER,
  RequestCancelledError,
  SqlStatementLimitError,
} from "./request-budget.js";
export { loadSubgraphLimits, subgraphLimitsPlugin, type SubgraphLimits } from "./limits.js";
export { SqlCountingLogger, sqlTotals } from "./sql-counter.js";
export { writeTransaction } from "./transaction.js";
export { createAppendOnlyTriggers, dropAppendOnlyTriggers } from "./append-only.js";
export {
  createSubgraphServer,
  runSubgraph,
  viewerOf,
  type SubgraphDefinition,
  type SubgraphServer,
  type SubgraphServices,
} from "./subgraph.js";
/** The one date-time scalar every subgraph uses (RFC 3339, named DateTime in the graph). */
export { GraphQLDateTime as DateTimeScalar } from "graphql-scalars";
