import { getOperationAST, parse } from "graphql";
import { OperationLimitExceededError } from "./errors.js";
import { checkShape, type OperationLimits } from "./limits.js";
import { measureShape } from "./shape.js";

/** Checks an operation's text against the structural limits; throws OperationLimitExceededError for the first broken. */
export type ShapePrecheck = (query: unknown, operationName?: unknown) => void;

type Refusal = Pick<OperationLimitExceededError, "limit" | "max" | "actual">;

// Texts up to this size are remembered with their verdict, so a page's repeated document is parsed here once.
// Larger ones are parsed each time: they are rare, and keeping them would let a caller fill memory.
const REMEMBERED_TEXT_CHARS = 8 * 1024;
const REMEMBERED_TEXTS = 1000;

/**
 * Checks depth, aliases, root fields and directives on the raw text, before GraphQL validation. Validation walks
 * the whole document once per rule, so a long hostile document (700 aliases) costs it hundreds of milliseconds
 * before any limit could look at it; parsing and measuring costs a fraction of that. A text that does not parse,
 * is over the token limit, or names no operation passes here untouched: the server's own parse and validation
 * answer it as usual. The full check (cost included) still runs once the operation is resolved.
 */
export function createShapePrecheck(limits: OperationLimits): ShapePrecheck {
  const verdicts = new Map<string, Refusal | null>();

  function verdict(query: string, operationName: string | undefined): Refusal | null {
    let document;
    try {
      document = parse(query, { maxTokens: limits.tokens, noLocation: true });
    } catch {
      return null;
    }
    const operation = getOperationAST(document, operationName);
    if (!operation) return null;
    try {
      checkShape(measureShape(document, operation), limits);
      return null;
    } catch (error) {
      if (!(error instanceof OperationLimitExceededError)) throw error;
      return { limit: error.limit, max: error.max, actual: error.actual };
    }
  }

  return (query, operationName) => {
    if (typeof query !== "string" || query.length === 0) return;
    const name = typeof operationName === "string" && operationName !== "" ? operationName : undefined;
    let refusal: Refusal | null | undefined;
    if (query.length > REMEMBERED_TEXT_CHARS) {
      refusal = verdict(query, name);
    } else {
      const key = `${name ?? ""}\n${query}`;
      refusal = verdicts.get(key);
      if (refusal === undefined) {
        refusal = verdict(query, name);
        if (verdicts.size >= REMEMBERED_TEXTS) verdicts.clear();
        verdicts.set(key, refusal);
      }
    }
    // A fresh error each time: a remembered verdict must not hand one request's error object to another.
    if (refusal) throw new OperationLimitExceededError(refusal.limit, refusal.max, refusal.actual);
  };
}
