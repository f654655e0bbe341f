import type { IncomingHttpHeaders } from "node:http";
import { PortalError } from "./errors.js";
import type { RequestScope } from "./request-scope.js";

/** The header on which the gateway sends how many milliseconds it will still wait for this fetch. */
export const REQUEST_TIMEOUT_HEADER = "x-request-timeout-ms";

/** The request's caller has gone (its connection closed): nobody will read the answer. */
export class RequestCancelledError extends PortalError {
  constructor() {
    super("REQUEST_CANCELLED", "The caller closed the connection; the rest of this request was not run");
  }
}

/** The deadline the gateway sent has passed: it has stopped waiting for this answer. */
export class DeadlineExceededError extends PortalError {
  constructor(timeoutMs: number) {
    super(
      "DEADLINE_EXCEEDED",
      `The caller's deadline (${REQUEST_TIMEOUT_HEADER}: ${timeoutMs}) has passed; the rest of this request was not run`,
      { timeoutMs },
    );
  }
}

/** The request has run as many SQL statements as one request may. */
export class SqlStatementLimitError extends PortalError {
  constructor(max: number) {
    super(
      "SQL_STATEMENT_LIMIT_EXCEEDED",
      `This request has run ${max} SQL statements, the most one request may (SUBGRAPH_MAX_SQL_STATEMENTS); ask for less at once`,
      { max },
    );
  }
}

/**
 * The deadline a request carries: now plus the gateway's `x-request-timeout-ms`, or none when the header is
 * absent or not a whole number of milliseconds.
 */
export function deadlineFrom(
  headers: IncomingHttpHeaders,
  now = Date.now(),
): { deadline: number; timeoutMs: number } | undefined {
  const raw = headers[REQUEST_TIMEOUT_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || !/^\d{1,9}$/.test(value.trim())) return undefined;
  const timeoutMs = Number(value);
  return { deadline: now + timeoutMs, timeoutMs };
}

// A rollback must always run: refusing it would leave a transaction open on a shared connection.
const ALWAYS_ALLOWED = /^\s*ROLLBACK\b/i;

/** Throws, before a statement runs, when its request's caller has gone, its deadline has passed or its budget is spent. */
export function checkStatement(scope: RequestScope, query: string): void {
  if (ALWAYS_ALLOWED.test(query)) return;
  if (scope.signal?.aborted) throw new RequestCancelledError();
  if (scope.deadline !== undefined && Date.now() >= scope.deadline) throw new DeadlineExceededError(scope.timeoutMs!);
  if (scope.maxStatements !== undefined && scope.sqlStatements >= scope.maxStatements) {
    throw new SqlStatementLimitError(scope.maxStatements);
  }
}
