/**
 * The subgraph kit's public API: what a subgraph's code imports. Each name is described in README.md ("The main
 * entry"); the monorepo's tooling is under `/workspace`, test helpers under `/testing`.
 */
import "reflect-metadata";

export type { ComputedSubgraphContext, SubgraphContext, Viewer, MfaStatus } from "./context.js";
export { hasRole, isSelf, requireRole, requireSelfOrRole, requireViewer } from "./auth.js";
export {
  createUserErrors,
  InputChecks,
  SHARED_USER_ERROR_CODES,
  type UserErrorCodeMeanings,
  type UserErrorOf,
  type UserErrors,
  type UserErrorType,
} from "./user-errors.js";
export { columnTypes, isPostgres, openDatabase, resolveDatabase, type DatabaseTarget } from "./database.js";
export { BadUserInputError, ForbiddenError, NotFoundError, PortalError, UnauthenticatedError } from "./errors.js";
export { buildFederatedSchema, type ReferenceResolver, type ReferenceResolvers } from "./federation.js";
export {
  cursorFormat,
  DEFAULT_PAGE_SIZE,
  likePattern,
  MAX_PAGE_SIZE,
  PageArgs,
  PageInfo,
  pageByKey,
  pageById,
  pageBySortName,
  pageOfList,
  pageSize,
  toPage,
  type CursorFormat,
  type CursorPart,
  type PageKey,
  type PageOrder,
} from "./pagination.js";
export type { TextInputRule, TextInputRules } from "./input-hygiene.js";
export { connectionOf, type ConnectionOptions, type CountedPage, type Edge, type Page } from "./connection.js";
export { writeTransaction } from "./transaction.js";
export { reportChanges } from "./changes.js";
export {
  CACHE_INHERIT,
  CACHE_PRIVATE,
  CACHE_PUBLIC,
  limitCacheAge,
  PUBLIC_MAX_AGE_SECONDS,
  secondsToNextMinute,
  secondsToNextUtcDay,
} from "./cache-hints.js";
export { Refused, runWrite, type UniqueRule, type WriteContext, type WriteResult } from "./write.js";
export { decodeReadinessParts, encodeReadinessParts, type ReadinessPart, type ReadinessPartKind } from "./readiness.js";
export { createAppendOnlyTriggers, dropAppendOnlyTriggers } from "./append-only.js";
export {
  hasDatabase,
  runSubgraph,
  viewerOf,
  type AnySubgraphDefinition,
  type ComputedSubgraphDefinition,
  type SubgraphDefinition,
  type SubgraphServices,
} from "./subgraph.js";
/** The one date-time scalar every subgraph uses (RFC 3339, named DateTime in the graph). */
export { GraphQLDateTime as DateTimeScalar } from "graphql-scalars";
