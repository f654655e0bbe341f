import type { EntityManager } from "typeorm";
import { writeTransaction } from "@portal-graph/subgraph-kit";
import type { UserError } from "../user-errors.js";
import type { AccessRolesContext } from "../context.js";

/** An expected refusal found inside a write: thrown to roll the transaction back, returned as userErrors. */
export class Refused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super(userErrors.map((error) => error.message).join("; "));
  }
}

/** A unique index a concurrent write can trip, and the refusal it means. */
export interface UniqueRule {
  /** The index name (PostgreSQL reports it). */
  index: string;
  /** "table.column, table.column" as SQLite reports the index's columns. */
  columns: string;
  refusal: UserError;
}

/**
 * Runs a write and its audit events in one transaction (taking turns on SQLite, see writeTransaction). A Refused
 * thrown inside, or a unique index tripped by a concurrent write, rolls everything back and comes back as
 * userErrors. Afterwards the request's loaders forget what they cached, so the payload reads what was written.
 */
export async function runWrite<T>(
  ctx: AccessRolesContext,
  work: (manager: EntityManager, now: Date) => Promise<T>,
  uniqueRules: readonly UniqueRule[] = [],
): Promise<{ value: T; userErrors: [] } | { value: null; userErrors: UserError[] }> {
  try {
    const value = await writeTransaction(ctx.dataSource, (manager) => work(manager, new Date()));
    return { value, userErrors: [] };
  } catch (error) {
    if (error instanceof Refused) return { value: null, userErrors: error.userErrors };
    const rule = uniqueRules.find((candidate) => violates(error, candidate));
    if (rule) return { value: null, userErrors: [rule.refusal] };
    throw error;
  } finally {
    for (const loader of Object.values(ctx.loaders)) loader.clearAll();
  }
}

function violates(error: unknown, rule: UniqueRule): boolean {
  const cause = (error as { driverError?: unknown }).driverError ?? error;
  const { code, constraint, message } = cause as Record<string, string | undefined>;
  if (code === "23505") return constraint === rule.index;
  return code === "SQLITE_CONSTRAINT_UNIQUE" && (message ?? "").endsWith(`failed: ${rule.columns}`);
}

/** Logs an expected refusal by user id and code only (no input text: it may hold personal data). */
export function logRefusal(ctx: AccessRolesContext, action: string, userErrors: readonly UserError[]): void {
  if (userErrors.length === 0) return;
  ctx.logger.info({ actor: ctx.viewer?.id, action, codes: userErrors.map((error) => error.code) }, "refused");
}
