import type { HelpDesksContext } from "../context.js";
import type { HelpDesk } from "./help-desk.entity.js";

/** Resolves HelpDesk representations from the gateway; batched by the loader into one statement. */
export function resolveHelpDeskReference(reference: { id: string }, ctx: HelpDesksContext): Promise<HelpDesk | null> {
  return ctx.loaders.helpDeskById.load(reference.id);
}
