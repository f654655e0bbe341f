import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { HeaderMap } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { REQUEST_ERROR_CODES, type RequestErrorCode } from "@portal-graph/http-kit/error-codes";
import type { Logger } from "pino";
import { currentRequest } from "./request-scope.js";

/** Base of the kit's errors: a GraphQLError with a registered `extensions.code` (and the HTTP status a lone error maps to). */
export class PortalError extends GraphQLError {
  constructor(
    readonly code: RequestErrorCode,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { ...extensions, code } });
    this.name = new.target.name;
  }
}

/** A thing looked up by id does not exist (only where null is not the contract). */
export class NotFoundError extends PortalError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super("NOT_FOUND", message, extensions);
  }
}

/** An argument breaks a rule; `field` names the argument and the message says the rule. */
export class BadUserInputError extends PortalError {
  constructor(field: string, message: string) {
    super("BAD_USER_INPUT", `${field}: ${message}`, { field });
  }
}

/** The viewer is known but may not do this. */
export class ForbiddenError extends PortalError {
  constructor(message = "You are not allowed to do this") {
    super("FORBIDDEN", message);
  }
}

/** The request needs a signed-in viewer, or its credentials were refused. */
export class UnauthenticatedError extends PortalError {
  constructor(message = "Sign in to do this") {
    super("UNAUTHENTICATED", message, { http: { status: 401 } });
  }
}

/** The identity provider's keys cannot be fetched, so a token cannot be judged: HTTP 503, worth retrying. */
export class IdentityProviderUnavailableError extends PortalError {
  constructor(message: string) {
    super("IDENTITY_PROVIDER_UNAVAILABLE", message, {
      http: { status: 503, headers: new HeaderMap([["retry-after", "5"]]) },
    });
  }
}

/**
 * Codes that pass through to the client unchanged: every registered one (ours and the GraphQL server's own request
 * errors), except INTERNAL, which only this formatter gives, with the request id.
 */
const PUBLIC_CODES: ReadonlySet<string> = new Set(
  Object.keys(REQUEST_ERROR_CODES).filter((code): code is RequestErrorCode => code !== "INTERNAL"),
);

/** An Apollo `formatError` that keeps known errors and masks everything else, logging the original with the request id. */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const requestId = currentRequest()?.requestId;
    logger.error({ err: unwrapResolverError(error), requestId, path: formatted.path }, "internal error");
    return {
      message: "Internal server error",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: "INTERNAL" satisfies RequestErrorCode, requestId },
    };
  };
}
