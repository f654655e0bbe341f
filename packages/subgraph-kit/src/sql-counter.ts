import type { Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "pino";
import { checkStatement } from "./request-budget.js";
import { currentRequest } from "./request-scope.js";

/** Running totals since the process started, for /metrics and the benchmark. */
export const sqlTotals = { statements: 0 };

/**
 * A TypeORM logger that counts every statement against the current request (tests assert batching with it)
 * and sends query errors and slow queries to pino. Statement text is logged at trace level only: parameters may hold personal data.
 * TypeORM calls it just before each statement, so it is also where a request that must stop (caller gone, deadline
 * passed, statement budget spent) is refused: the throw rejects the query before it reaches the database.
 */
export class SqlCountingLogger implements TypeOrmLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string): void {
    const scope = currentRequest();
    if (scope) checkStatement(scope, query);
    sqlTotals.statements += 1;
    if (scope) scope.sqlStatements += 1;
    // The logger adds the request's id itself (see http-kit's createLogger).
    this.logger.trace({ query }, "sql");
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error({ err: error, query }, "sql failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, query }, "slow sql");
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.info(message);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.logger.warn({ message }, "typeorm");
    else this.logger.debug({ message }, "typeorm");
  }
}
