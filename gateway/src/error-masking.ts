import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { isRequestErrorCode, type Logger } from "@portal-graph/http-kit";
import type { GraphQLFormattedError } from "graphql";

/** Drops what a subgraph's HTTP error carries to the gateway (its URL, its raw body): the client needs neither. */
export function hideSubgraphResponse(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.response) return formatted;
  const { response: _response, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/**
 * Only unexpected errors are INTERNAL: a registered code (docs/errors.md) passes, and so does any code a subgraph
 * answered (Apollo Gateway marks those with `serviceName`; a subgraph masks its own unexpected errors). Anything
 * else is the gateway's own failure: the client gets INTERNAL with the request id, the log gets what it said.
 */
export function unexpectedErrorsPlugin<TContext extends BaseContext & { requestId: string }>(
  logger: Logger,
): ApolloServerPlugin<TContext> {
  const expected = (error: GraphQLFormattedError) => {
    const code = error.extensions?.code;
    return isRequestErrorCode(code) || (typeof code === "string" && error.extensions?.serviceName !== undefined);
  };
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          if (!result.errors?.some((error) => !expected(error))) return;
          result.errors = result.errors.map((error) => {
            if (expected(error)) return error;
            const { requestId } = contextValue;
            logger.error(
              { requestId, path: error.path, cause: error.message, code: error.extensions?.code },
              "internal error",
            );
            return {
              message: "Internal server error",
              ...(error.path ? { path: error.path } : {}),
              extensions: { code: "INTERNAL", requestId },
            };
          });
        },
      };
    },
  };
}
