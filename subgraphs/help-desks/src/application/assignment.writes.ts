import { Not } from "typeorm";
import { InputChecks, type UserError } from "../user-errors.js";
import type { HelpDesksContext } from "../context.js";
import { commitChange, findDesk, requireWriter } from "../help-desk/change-log.js";
import type { HelpDesk } from "../help-desk/help-desk.entity.js";
import type { AssignHelpDeskInput, UnassignHelpDeskInput } from "../help-desk/help-desk.inputs.js";
import { ApplicationHelpDesk, type ApplicationStub } from "./application-help-desk.entity.js";

/** What assignHelpDesk answers. */
export interface AssignResult {
  assignment: ApplicationHelpDesk | null;
  userErrors: UserError[];
}

/** What unassignHelpDesk answers. */
export interface UnassignResult {
  application: ApplicationStub | null;
  helpDesk: HelpDesk | null;
  userErrors: UserError[];
}

/**
 * assignHelpDesk: the desk serves the application for the purpose; assigning again changes purpose and primary.
 * Making a desk primary takes the flag from the application's other desk in the same transaction. The application id
 * is checked for form only: the catalog keeps its own database, and an unknown id simply resolves to nothing there.
 */
export async function assignHelpDesk(ctx: HelpDesksContext, input: AssignHelpDeskInput): Promise<AssignResult> {
  const viewer = requireWriter(ctx);
  const purpose = input.purpose?.trim() || null;
  const primary = input.primary ?? false;
  const checks = new InputChecks().slug("applicationId", input.applicationId).text("purpose", purpose, 500);
  if (!checks.ok) return { assignment: null, userErrors: checks.errors };
  const found = await findDesk(ctx, input.helpDeskId, "helpDeskId");
  if (!found.desk) return { assignment: null, userErrors: found.errors };
  const key = { applicationId: input.applicationId, helpDeskId: found.desk.id };
  const existing = await ctx.dataSource.getRepository(ApplicationHelpDesk).findOneBy(key);
  const summary = { applicationId: key.applicationId, primary, purpose: purpose !== null, created: !existing };
  await commitChange(
    ctx,
    viewer,
    { action: "assignHelpDesk", helpDeskId: key.helpDeskId, summary },
    async (manager) => {
      if (primary) {
        await manager.update(
          ApplicationHelpDesk,
          { applicationId: key.applicationId, helpDeskId: Not(key.helpDeskId), primary: true },
          { primary: false },
        );
      }
      if (existing) await manager.update(ApplicationHelpDesk, key, { purpose, primary });
      else await manager.insert(ApplicationHelpDesk, { ...key, purpose, primary, assignedAt: new Date() });
    },
  );
  const assignment = await ctx.dataSource.getRepository(ApplicationHelpDesk).findOneByOrFail(key);
  return { assignment, userErrors: [] };
}

/** unassignHelpDesk: the desk no longer serves the application; NOT_ASSIGNED when it did not. */
export async function unassignHelpDesk(ctx: HelpDesksContext, input: UnassignHelpDeskInput): Promise<UnassignResult> {
  const viewer = requireWriter(ctx);
  const key = { applicationId: input.applicationId, helpDeskId: input.helpDeskId };
  const existing = await ctx.dataSource.getRepository(ApplicationHelpDesk).findOneBy(key);
  if (!existing) {
    const message = `helpDeskId: help desk "${key.helpDeskId}" does not serve application "${key.applicationId}"`;
    return {
      application: null,
      helpDesk: null,
      userErrors: new InputChecks().add("helpDeskId", "NOT_ASSIGNED", message).errors,
    };
  }
  const summary = { applicationId: key.applicationId, wasPrimary: existing.primary };
  await commitChange(ctx, viewer, { action: "unassignHelpDesk", helpDeskId: key.helpDeskId, summary }, (manager) =>
    manager.delete(ApplicationHelpDesk, key),
  );
  return {
    application: { id: key.applicationId },
    helpDesk: await ctx.loaders.helpDeskById.load(key.helpDeskId),
    userErrors: [],
  };
}
