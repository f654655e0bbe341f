import { randomUUID } from "node:crypto";
import type { EntityManager } from "typeorm";
import { reportChanges, requireRole, runWrite, type UniqueRule, type Viewer } from "@portal-graph/subgraph-kit";
import { userError, type UserError } from "../user-errors.js";
import type { HelpDesksContext } from "../context.js";
import { HelpDeskChange, type ChangeSummary } from "./help-desk-change.entity.js";
import { HelpDesk } from "./help-desk.entity.js";
import { DataQualityCode, type DataQualityIssue } from "./help-desk.types.js";

/** The role every help-desk write needs. */
export const WRITER_ROLE = "HELPDESK_ADMIN";

/** The viewer allowed to write: UNAUTHENTICATED when anonymous, FORBIDDEN without HELPDESK_ADMIN (GraphQL errors). */
export function requireWriter(ctx: HelpDesksContext): Viewer {
  return requireRole(ctx, WRITER_ROLE);
}

/** A desk change to log: which mutation, which desk, and a summary of what changed (no personal data). */
export interface ChangeRecord {
  action: string;
  helpDeskId: string;
  summary: ChangeSummary;
}

/**
 * Runs a write and its change-log row in one transaction, through the kit's runWrite, so a change is never made
 * without its record (nor the record without the change); the request's loaders forget what they cached, and the log
 * line names the actor by id only. Answers the refusals a concurrent write caused (one of `unique`), and then
 * nothing was written; none otherwise.
 */
export async function commitChange(
  ctx: HelpDesksContext,
  viewer: Viewer,
  change: ChangeRecord,
  work: (manager: EntityManager) => Promise<unknown>,
  unique: readonly UniqueRule<UserError>[] = [],
): Promise<UserError[]> {
  const { userErrors } = await runWrite(
    ctx,
    async (manager, now) => {
      await work(manager);
      await manager.insert(
        HelpDeskChange,
        Object.assign(new HelpDeskChange(), {
          id: randomUUID(),
          actor: viewer.id,
          action: change.action,
          targetId: change.helpDeskId,
          at: now,
          requestId: ctx.requestId,
          summary: change.summary,
        }),
      );
    },
    unique,
  );
  if (userErrors.length === 0) {
    ctx.logger.info({ actor: viewer.id, action: change.action, helpDeskId: change.helpDeskId }, "help desk changed");
    // Committed: the gateway evicts what it cached of this desk (and of the application an assignment names).
    const application = change.summary.applicationId;
    reportChanges(
      `HelpDesk:${change.helpDeskId}`,
      ...(typeof application === "string" ? [`Application:${application}`] : []),
    );
  }
  return userErrors;
}

/** The desk, or a HELP_DESK_NOT_FOUND user error on the named input field. */
export async function findDesk(
  ctx: HelpDesksContext,
  id: string,
  field: string,
): Promise<{ desk: HelpDesk; errors: [] } | { desk: null; errors: UserError[] }> {
  const desk = await ctx.dataSource.getRepository(HelpDesk).findOneBy({ id });
  if (desk) return { desk, errors: [] };
  return { desk: null, errors: [userError(field, "HELP_DESK_NOT_FOUND", `${field}: there is no help desk "${id}"`)] };
}

/**
 * The desk's data-quality issues after an admin rewrote `field`: issues about that field are settled by the rewrite,
 * and a desk left without any contact point is flagged again.
 */
export function settleDataQuality(
  issues: readonly DataQualityIssue[],
  field: "name" | "contactPoints" | "hours",
  contactPointCount?: number,
): DataQualityIssue[] {
  const kept = issues.filter((issue) => issue.field !== field && !issue.field.startsWith(`${field}.`));
  if (field === "contactPoints" && contactPointCount === 0) kept.push(noContactIssue());
  return kept;
}

/** The issue every desk without a way to reach it carries. */
export function noContactIssue(): DataQualityIssue {
  return {
    field: "contactPoints",
    code: DataQualityCode.NO_CONTACT,
    problem: "No phone number, email address, web address or instruction is given for reaching this desk.",
    original: null,
  };
}
