import type { ServerResponse } from "node:http";
import { HeaderMap } from "@apollo/server";
import type { TokenRejectedError } from "@portal-graph/auth";
import { httpStatusOf, sendError, type RequestErrorCode } from "@portal-graph/http-kit";
import { GraphQLError } from "graphql";

// How long a client should wait before retrying while the identity provider is down.
const RETRY_AFTER_SECONDS = "5";

/** How a refused token is answered: 401 UNAUTHENTICATED, or 503 IDENTITY_PROVIDER_UNAVAILABLE when it cannot be judged. */
export function tokenRefusalStatus(refusal: TokenRejectedError): { status: number; code: RequestErrorCode } {
  const code: RequestErrorCode = refusal.reason === "unavailable" ? "IDENTITY_PROVIDER_UNAVAILABLE" : "UNAUTHENTICATED";
  return { status: httpStatusOf(code), code };
}

/** The GraphQL error for a refused token, with its HTTP status (and Retry-After when worth retrying). */
export function tokenRefusalError(refusal: TokenRejectedError): GraphQLError {
  const { status, code } = tokenRefusalStatus(refusal);
  const headers =
    code === "IDENTITY_PROVIDER_UNAVAILABLE" ? new HeaderMap([["retry-after", RETRY_AFTER_SECONDS]]) : new HeaderMap();
  return new GraphQLError(refusal.message, { extensions: { code, http: { status, headers } } });
}

/** Answers a plain HTTP route (a passthrough download) for a refused token, like the GraphQL endpoint does. */
export function sendTokenRefusal(res: ServerResponse, refusal: TokenRejectedError): void {
  const { status, code } = tokenRefusalStatus(refusal);
  if (code === "IDENTITY_PROVIDER_UNAVAILABLE") res.setHeader("retry-after", RETRY_AFTER_SECONDS);
  sendError(res, status, code, refusal.message);
}
