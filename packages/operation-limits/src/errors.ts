import { httpStatusOf, type RequestErrorCode } from "@portal-graph/http-kit/error-codes";
import { GraphQLError } from "graphql";

const CODE: RequestErrorCode = "OPERATION_LIMIT_EXCEEDED";

/** The limits an operation is measured against; the names are the values of `extensions.limit`. */
export type LimitName = "depth" | "aliases" | "rootFields" | "directives" | "tokens" | "cost" | "entities";

const WHAT: Record<LimitName, (actual: number, max: number) => string> = {
  depth: (actual, max) => `it nests fields ${actual} levels deep; at most ${max} are allowed`,
  aliases: (actual, max) => `it uses ${actual} aliases; at most ${max} are allowed`,
  rootFields: (actual, max) => `it asks for ${actual} root fields; at most ${max} are allowed`,
  directives: (actual, max) => `one of its fields carries ${actual} directives; at most ${max} are allowed`,
  tokens: (actual, max) => `it has ${actual} tokens; at most ${max} are allowed`,
  cost: (actual, max) => `its estimated cost is ${actual}; at most ${max} is allowed`,
  entities: (actual, max) => `it asks for ${actual} entity representations; at most ${max} are allowed`,
};

/** An operation refused before any work: one error, code OPERATION_LIMIT_EXCEEDED, HTTP 400. */
export class OperationLimitExceededError extends GraphQLError {
  constructor(
    readonly limit: LimitName,
    readonly max: number,
    readonly actual: number,
  ) {
    super(`Operation refused: ${WHAT[limit](actual, max)} (limit "${limit}")`, {
      extensions: { code: CODE, limit, max, actual, http: { status: httpStatusOf(CODE) } },
    });
    this.name = "OperationLimitExceededError";
  }
}
