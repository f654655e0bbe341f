import type { DataSource, EntityManager } from "typeorm";
import { writeTransaction } from "./transaction.js";

/**
 * An expected refusal found inside a write (the row is gone, the version moved on): thrown to roll the transaction
 * back, answered as the mutation's userErrors.
 */
export class Refused<TUserError = unknown> extends Error {
  constructor(readonly userErrors: TUserError[]) {
    super(userErrors.map((error) => (error as { message?: string }).message ?? String(error)).join("; "));
  }
}

/** A unique constraint a concurrent write can trip, and the refusal it means. */
export interface UniqueRule<TUserError> {
  /** The constraint or index name, as PostgreSQL reports it; a pattern for generated names (`/^PK_/`). */
  constraint: string | RegExp;
  /** "table.column, table.column", as SQLite names a plain unique index's columns (an expression index by name). */
  columns?: string;
  refusal: TUserError;
}

/** What a write gives back: its value, or the refusals, and then nothing was written. */
export type WriteResult<T, TUserError> = { value: T; userErrors: [] } | { value: null; userErrors: TUserError[] };

/** What runWrite needs of a subgraph's request context. */
export interface WriteContext {
  dataSource: DataSource;
  /** The request's loaders: every one is cleared after the write, so the payload reads what was written. */
  loaders: object;
}

/**
 * The one write path of every subgraph: `work` (its rows, then its change-log or audit rows) runs in one
 * transaction (taking turns on SQLite, see writeTransaction), at one `now`. A `Refused` thrown inside, or a unique
 * constraint tripped by a concurrent write (one of `unique`), rolls all of it back and comes back as userErrors;
 * any other error rolls back and is thrown. Either way the request's loaders forget what they cached.
 */
export async function runWrite<T, TUserError>(
  ctx: WriteContext,
  work: (manager: EntityManager, now: Date) => Promise<T>,
  unique: readonly UniqueRule<TUserError>[] = [],
): Promise<WriteResult<T, TUserError>> {
  try {
    const value = await writeTransaction(ctx.dataSource, (manager) => work(manager, new Date()));
    return { value, userErrors: [] };
  } catch (error) {
    if (error instanceof Refused) return { value: null, userErrors: error.userErrors as TUserError[] };
    const rule = unique.find((candidate) => trips(error, candidate));
    if (rule) return { value: null, userErrors: [rule.refusal] };
    throw error;
  } finally {
    for (const loader of Object.values(ctx.loaders)) {
      if (typeof (loader as { clearAll?: unknown }).clearAll === "function")
        (loader as { clearAll(): void }).clearAll();
    }
  }
}

function trips(error: unknown, rule: UniqueRule<unknown>): boolean {
  const cause = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint, message = "" } = cause as Record<string, string | undefined>;
  if (code === "23505") {
    return typeof rule.constraint === "string"
      ? constraint === rule.constraint
      : rule.constraint.test(constraint ?? "");
  }
  if (code !== "SQLITE_CONSTRAINT_UNIQUE" && code !== "SQLITE_CONSTRAINT_PRIMARYKEY") return false;
  if (rule.columns && message.endsWith(`failed: ${rule.columns}`)) return true;
  return typeof rule.constraint === "string" && message.includes(`index '${rule.constraint}'`);
}
