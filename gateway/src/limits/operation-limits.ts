import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import type { Logger } from "@portal-graph/http-kit";
import {
  createShapePrecheck,
  formatTokenLimitError,
  OperationLimitExceededError,
  operationLimitsPlugin,
  type CostModel,
  type OperationLimitsPluginOptions,
} from "@portal-graph/operation-limits";
import type { GraphQLFormattedError } from "graphql";
import type { OperationLimitsConfig } from "./config.js";
import { costModelFromSupergraph } from "./supergraph-cost.js";

/** The request header that asks for an accepted operation's estimate in `extensions.cost`. */
export const COST_HEADER = "x-graph-cost";

/** The gateway's operation limits: the Apollo plugin, and the hook that prices each supergraph the gateway serves. */
export interface GatewayOperationLimits<TContext extends BaseContext> {
  plugin: ApolloServerPlugin<TContext>;
  /** Builds the cost model of a newly served supergraph; one that cannot be read keeps the previous model. */
  supergraphLoaded(coreSupergraphSdl: string): void;
  /**
   * The structural limits checked on the request's text before GraphQL validation (which costs a long hostile
   * document hundreds of milliseconds); throws OPERATION_LIMIT_EXCEEDED. The plugin still checks everything later.
   */
  precheck(query: unknown, operationName: unknown, requestId?: string): void;
  /** A `formatError` step: a document over the token limit is answered as OPERATION_LIMIT_EXCEEDED. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
}

/** Operation limits over the served supergraph; `accepted` runs for each accepted operation (the rate limiter). */
export function createOperationLimits<TContext extends BaseContext & { requestId?: string }>(
  config: OperationLimitsConfig,
  logger: Logger,
  accepted?: OperationLimitsPluginOptions<TContext>["accepted"],
  /** Told of each refusal by the name of its limit (for metrics). */
  onRefused?: (limit: string) => void,
): GatewayOperationLimits<TContext> {
  let model: CostModel | undefined;
  const shapePrecheck = createShapePrecheck(config);
  const report = (error: OperationLimitExceededError, requestId: string | undefined) => {
    onRefused?.(error.limit);
    logger.info({ requestId, limit: error.limit, max: error.max, actual: error.actual }, "operation refused");
  };
  return {
    precheck(query, operationName, requestId) {
      try {
        shapePrecheck(query, operationName);
      } catch (error) {
        if (error instanceof OperationLimitExceededError) report(error, requestId);
        throw error;
      }
    },
    supergraphLoaded(coreSupergraphSdl) {
      try {
        model = costModelFromSupergraph(coreSupergraphSdl, config);
      } catch (error) {
        logger.error(
          { err: error },
          "the cost model of the new supergraph could not be built; keeping the previous one",
        );
      }
    },
    formatError: (formatted, error) => {
      const answer = formatTokenLimitError(formatted, error, config.tokens);
      if (answer !== formatted && answer.extensions?.limit === "tokens") onRefused?.("tokens");
      return answer;
    },
    plugin: operationLimitsPlugin<TContext>({
      limits: config,
      costModel: () => model,
      costHeader: COST_HEADER,
      accepted,
      refused: (error, request) => report(error, request.contextValue.requestId),
    }),
  };
}
