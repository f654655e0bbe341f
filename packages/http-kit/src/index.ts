export { createLogger, type Logger } from "./logger.js";
export { currentRequestId, requestIdFrom, runWithRequestId } from "./request-id.js";
export {
  createGraphQLHttpServer,
  listen,
  sendError,
  sendJson,
  DEFAULT_MAX_BODY_BYTES,
  HttpError,
  type CallToVerify,
  type GraphQLHttpServerOptions,
  type HttpRequestInfo,
  type JsonRoute,
  type RawRoute,
} from "./http-server.js";
export { closeServer, onShutdown } from "./shutdown.js";
export {
  addVary,
  applyCors,
  readCorsOrigins,
  CORS_ALLOWED_HEADERS,
  DEVELOPMENT_UI_ORIGIN,
  type CorsPolicy,
} from "./cors.js";
export { graphqlOverHttpPlugin, prefersGraphQLResponseJson } from "./graphql-over-http.js";
export { readHstsMaxAgeSeconds, setSecurityHeaders } from "./security-headers.js";
export { apolloReportingDisabled } from "./apollo-reporting.js";
export {
  httpStatusOf,
  isRequestErrorCode,
  REQUEST_ERROR_CODES,
  type RequestErrorCode,
  type RequestErrorCodeInfo,
} from "./error-codes.js";
export { readFlag, readPort, readSetting, readWholeNumber } from "./settings.js";
export { isChangeTag, parseChangeTags, PUBLIC_DATA_CHANGES_HEADER } from "./public-data-changes.js";
