import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { httpStatusOf, type RequestErrorCode } from "./error-codes.js";

/**
 * Request errors Apollo Server leaves to the executor, answered as GraphQL over HTTP asks (a 4xx, never a 500): an
 * operationName the document does not hold (or none where it holds several), and a subscription, which these
 * services do not serve (no transport for them, and @apollo/gateway has no subscriptions). A GET mutation Apollo
 * already answers 405.
 */
export function graphqlOverHttpPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) {
            const message = request.operationName
              ? `Unknown operation named "${request.operationName}"`
              : "Must provide operationName: the document holds several operations";
            throw requestError(message, "OPERATION_RESOLUTION_FAILURE");
          }
          if (operation.operation === "subscription") {
            throw requestError(
              "Subscriptions are not supported: this service answers queries and mutations over HTTP",
              "GRAPHQL_VALIDATION_FAILED",
            );
          }
        },
      };
    },
  };
}

function requestError(message: string, code: RequestErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: httpStatusOf(code) } } });
}

/**
 * True when the response will be application/graphql-response+json: the client ranks it above application/json (the
 * first listed wins a tie, a wildcard counts for application/json), as Apollo Server picks the response type.
 */
export function prefersGraphQLResponseJson(accept: string | null | undefined): boolean {
  if (!accept) return false;
  const ranked = accept.split(",").map((part, index) => {
    const [type = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith("q="));
    return { type, q: q ? Number(q.slice(2)) : 1, index };
  });
  const rank = (wanted: string) =>
    ranked
      .filter(
        ({ type, q }) =>
          q > 0 && (type === wanted || (wanted === "application/json" && /^(\*|application)\/\*$/.test(type))),
      )
      .sort((a, b) => b.q - a.q || a.index - b.index)[0];
  const graphql = rank("application/graphql-response+json");
  const json = rank("application/json");
  if (!graphql) return false;
  if (!json) return true;
  return graphql.q > json.q || (graphql.q === json.q && graphql.index < json.index);
}
