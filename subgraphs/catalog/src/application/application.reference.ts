import type { CatalogContext } from "../context.js";
import { Application } from "./application.entity.js";

/** An Application representation as the gateway sends it: the key, and for viewerReadiness the other reports. */
export interface ApplicationRepresentation {
  id: string;
  viewerAcknowledgementBlockers?: string[] | null;
  viewerAccessBlockers?: string[] | null;
}

/**
 * Resolves Application representations from the gateway; batched by the loader into one statement. The reports a
 * representation carries are attached to a copy (the loader's row stays as read).
 */
export async function resolveApplicationReference(
  reference: ApplicationRepresentation,
  ctx: CatalogContext,
): Promise<Application | null> {
  const application = await ctx.loaders.applicationById.load(reference.id);
  if (!application || !("viewerAcknowledgementBlockers" in reference || "viewerAccessBlockers" in reference)) {
    return application;
  }
  return Object.assign(new Application(), application, {
    viewerAcknowledgementBlockers: reference.viewerAcknowledgementBlockers,
    viewerAccessBlockers: reference.viewerAccessBlockers,
  });
}
