import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContext,
  GraphQLRequestContextDidResolveOperation,
} from "@apollo/server";
import { GraphQLError, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from "graphql";
import type { CostModel } from "./cost.js";
import { OperationLimitExceededError } from "./errors.js";
import { checkOperation, type OperationEstimate, type OperationLimits } from "./limits.js";
import { countTokens } from "./tokens.js";

export interface OperationLimitsPluginOptions<TContext extends BaseContext> {
  limits: OperationLimits;
  /** The cost model of the schema being served; undefined until one is loaded. */
  costModel: () => CostModel | undefined;
  /** Checks of the caller's own, run before the limits (a subgraph's cap on entity representations). */
  before?: (document: DocumentNode, operation: OperationDefinitionNode, variables?: Record<string, unknown>) => void;
  /** Runs once an operation is accepted, before any execution (a rate limiter charging the cost). */
  accepted?: (
    estimate: OperationEstimate,
    request: GraphQLRequestContextDidResolveOperation<TContext>,
  ) => Promise<void> | void;
  /** A request header which, set to "true", adds `extensions.cost: { estimated, max }` to the response. */
  costHeader?: string;
  /** Told of every refusal (for logs and metrics). */
  refused?: (error: OperationLimitExceededError, request: GraphQLRequestContext<TContext>) => void;
}

/**
 * An Apollo Server plugin that refuses operations over the limits with one OPERATION_LIMIT_EXCEEDED error and HTTP
 * 400 once the operation is parsed, validated and its variables known, so nothing is planned, fetched or resolved
 * for a refused operation. The token limit is the parser's own (`parseOptions.maxTokens`), which stops reading
 * at the limit; `formatTokenLimitError` gives its refusal the same shape.
 */
export function operationLimitsPlugin<TContext extends BaseContext>(
  options: OperationLimitsPluginOptions<TContext>,
): ApolloServerPlugin<TContext> {
  const refuse = (error: unknown, request: GraphQLRequestContext<TContext>): never => {
    if (error instanceof OperationLimitExceededError) options.refused?.(error, request);
    throw error;
  };
  return {
    async requestDidStart() {
      let estimate: OperationEstimate | undefined;
      return {
        async didEncounterErrors(request) {
          for (const error of request.errors) {
            const refusal = tokenRefusal(error, options.limits.tokens);
            if (refusal) options.refused?.(refusal, request);
          }
        },
        async didResolveOperation(request) {
          const { document, operation } = request;
          // Apollo itself refuses a document without the operation asked for.
          if (!operation) return;
          const variables = request.request.variables;
          try {
            options.before?.(document, operation, variables);
            estimate = checkOperation(document, operation, variables, options.limits, options.costModel());
          } catch (error) {
            refuse(error, request);
          }
          await options.accepted?.(estimate!, request);
        },
        async willSendResponse({ request, response }) {
          if (!options.costHeader || !estimate || response.body.kind !== "single") return;
          if (request.http?.headers.get(options.costHeader) !== "true") return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimated: estimate.cost, max: options.limits.cost } };
        },
      };
    },
  };
}

// graphql-js's words when a document passes parseOptions.maxTokens (16.x says "more that"; later versions may not).
const TOKENS_ABORTED = /^Syntax Error: Document contains more tha[nt] \d+ tokens\. Parsing aborted\.$/;

/** The limit error for a parse that stopped at maxTokens, or undefined for any other error. */
export function tokenRefusal(error: unknown, maxTokens: number): OperationLimitExceededError | undefined {
  if (!(error instanceof GraphQLError) || !TOKENS_ABORTED.test(error.message)) return undefined;
  const body = error.source?.body;
  return new OperationLimitExceededError("tokens", maxTokens, body ? countTokens(body) : maxTokens + 1);
}

/**
 * An Apollo `formatError` step: a parse that stopped at maxTokens is answered as OPERATION_LIMIT_EXCEEDED
 * (limit "tokens") rather than as a syntax error; anything else passes unchanged. The HTTP status stays 400.
 */
export function formatTokenLimitError(
  formatted: GraphQLFormattedError,
  error: unknown,
  maxTokens: number,
): GraphQLFormattedError {
  const refusal = tokenRefusal(error, maxTokens);
  if (!refusal) return formatted;
  const { http: _http, ...extensions } = refusal.extensions;
  return { message: refusal.message, extensions };
}
