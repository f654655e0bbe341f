import type { EntityManager } from "typeorm";
import { runWrite as runKitWrite, type UniqueRule, type WriteResult } from "@portal-graph/subgraph-kit";
import type { UserError } from "../user-errors.js";
import type { AccessRolesContext } from "../context.js";

/** The kit's one write path (transaction, Refused, unique constraints, loaders cleared), with this subgraph's UserError. */
export function runWrite<T>(
  ctx: AccessRolesContext,
  work: (manager: EntityManager, now: Date) => Promise<T>,
  unique: readonly UniqueRule<UserError>[] = [],
): Promise<WriteResult<T, UserError>> {
  return runKitWrite(ctx, work, unique);
}

/** Logs an expected refusal by user id and code only (no input text: it may hold personal data). */
export function logRefusal(ctx: AccessRolesContext, action: string, userErrors: readonly UserError[]): void {
  if (userErrors.length === 0) return;
  ctx.logger.info({ actor: ctx.viewer?.id, action, codes: userErrors.map((error) => error.code) }, "refused");
}
