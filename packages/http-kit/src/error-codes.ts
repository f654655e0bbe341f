/**
 * Every request-level `extensions.code` a client of Portal Graph can see, declared once. docs/errors.md is
 * generated from this list (`npm run schema:compose`), a subgraph's error formatter passes exactly these codes
 * through (anything else becomes INTERNAL), and code that raises one names it by `RequestErrorCode`, so a typo fails
 * to compile. Expected refusals of a mutation are not here: they are `userErrors` codes, enums in the schema.
 *
 * This module imports nothing, so any process (gateway, subgraph, script) may use it through
 * `@portal-graph/http-kit/error-codes` without loading the HTTP layer.
 */

/** What a client may rely on for one code. */
export interface RequestErrorCodeInfo {
  /** HTTP status of a response refused as a whole with this code; an error on one field comes in a 200 beside the data. */
  httpStatus: number;
  /** True when the same request, sent again later (after Retry-After, when sent), may succeed. */
  retryable: boolean;
  /** One line: when a client gets it, and what else its `extensions` carry. */
  meaning: string;
}

/** The registry, in the order docs/errors.md lists it: who you are, what you may do, what you sent, then the service. */
export const REQUEST_ERROR_CODES = {
  UNAUTHENTICATED: {
    httpStatus: 401,
    retryable: false,
    meaning:
      "The operation needs a signed-in user, or the bearer token was refused (expired, not yet valid, wrong issuer or audience, bad signature).",
  },
  IDENTITY_PROVIDER_UNAVAILABLE: {
    httpStatus: 503,
    retryable: true,
    meaning:
      "The identity provider's keys cannot be fetched, so the token cannot be judged; retry after `Retry-After` seconds.",
  },
  GATEWAY_PROOF_REQUIRED: {
    httpStatus: 401,
    retryable: false,
    meaning:
      "A subgraph was called without a valid gateway proof (only callers that bypass the gateway see it); `extensions.reason` says what was wrong.",
  },
  FORBIDDEN: {
    httpStatus: 403,
    retryable: false,
    meaning:
      "The user, the calling service or the browser origin is known but may not do this (a role is missing, or introspection is closed to it).",
  },
  BAD_USER_INPUT: {
    httpStatus: 400,
    retryable: false,
    meaning:
      "An argument or variable breaks a rule (wrong type, a page size out of range, another connection's cursor, a control character, text over its length); `extensions.field` names it when known.",
  },
  NOT_FOUND: {
    httpStatus: 404,
    retryable: false,
    meaning:
      "What the request names does not exist where null is not the answer (the policy of a compliance report or CSV export), or a path has no route.",
  },
  GRAPHQL_PARSE_FAILED: {
    httpStatus: 400,
    retryable: false,
    meaning: "The document is not valid GraphQL syntax.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    httpStatus: 400,
    retryable: false,
    meaning:
      "The document does not validate against the schema (an unknown field, a missing argument), or is a subscription, which is not served.",
  },
  OPERATION_RESOLUTION_FAILURE: {
    httpStatus: 400,
    retryable: false,
    meaning: "The `operationName` is not in the document, or the document holds several operations and names none.",
  },
  BAD_REQUEST: {
    httpStatus: 400,
    retryable: false,
    meaning:
      "The HTTP request is malformed: an empty or non-JSON body, no query, a GET mutation (405), a CSRF-unsafe request without a preflight header.",
  },
  PAYLOAD_TOO_LARGE: {
    httpStatus: 413,
    retryable: false,
    meaning: "The request body is larger than the service accepts (`MAX_REQUEST_BYTES` at the gateway).",
  },
  METHOD_NOT_ALLOWED: {
    httpStatus: 405,
    retryable: false,
    meaning: "A plain HTTP route was called with a method it does not answer (`/metrics` takes GET only).",
  },
  PERSISTED_QUERY_NOT_FOUND: {
    httpStatus: 200,
    retryable: true,
    meaning: "An automatic persisted query's hash is not known yet: send it again with the query text.",
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    httpStatus: 200,
    retryable: false,
    meaning: "Persisted queries are not accepted here: send the query text.",
  },
  PERSISTED_QUERY_NOT_IN_LIST: {
    httpStatus: 400,
    retryable: false,
    meaning:
      "The gateway runs only trusted documents (`TRUSTED_DOCUMENTS_ONLY`) and this one is not in its manifests, or a `documentId` names no document in them; refused before parsing.",
  },
  OPERATION_LIMIT_EXCEEDED: {
    httpStatus: 400,
    retryable: false,
    meaning:
      "The operation is too deep, wide, long or costly, refused before any work; `extensions.limit`, `max` and `actual` say which limit and by how much.",
  },
  RATE_LIMITED: {
    httpStatus: 429,
    retryable: true,
    meaning:
      "The client has spent its request or cost budget for this window; `extensions.budget` says which, `retryAfter` (and `Retry-After`) when to come back.",
  },
  SQL_STATEMENT_LIMIT_EXCEEDED: {
    httpStatus: 200,
    retryable: false,
    meaning:
      "A subgraph ran as many SQL statements for this request as one request may (`SUBGRAPH_MAX_SQL_STATEMENTS`): ask for less at once.",
  },
  SUBGRAPH_UNAVAILABLE: {
    httpStatus: 502,
    retryable: true,
    meaning:
      "A subgraph did not answer in time or at all: the fields it would have filled are null, with `extensions.subgraph` and `reason` (TIMEOUT, CONNECTION, BAD_RESPONSE, CIRCUIT_OPEN).",
  },
  DEADLINE_EXCEEDED: {
    httpStatus: 200,
    retryable: true,
    meaning:
      "A subgraph stopped work the gateway no longer waits for (its `x-request-timeout-ms` passed); through the gateway the field shows SUBGRAPH_UNAVAILABLE.",
  },
  REQUEST_CANCELLED: {
    httpStatus: 200,
    retryable: true,
    meaning: "A subgraph stopped work because its caller closed the connection; nobody is left to read it.",
  },
  INTERNAL: {
    httpStatus: 500,
    retryable: false,
    meaning:
      "Something unexpected failed; the message says nothing more, and `extensions.requestId` finds the full error in the logs.",
  },
} as const satisfies Record<string, RequestErrorCodeInfo>;

/** A registered request error code: a string literal that is not one fails to compile. */
export type RequestErrorCode = keyof typeof REQUEST_ERROR_CODES;

/** True when `code` is registered. */
export function isRequestErrorCode(code: unknown): code is RequestErrorCode {
  return typeof code === "string" && Object.hasOwn(REQUEST_ERROR_CODES, code);
}

/** The HTTP status of a response refused as a whole with `code`. */
export function httpStatusOf(code: RequestErrorCode): number {
  return REQUEST_ERROR_CODES[code].httpStatus;
}
