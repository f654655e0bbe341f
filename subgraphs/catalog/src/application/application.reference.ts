import type { CatalogContext } from "../context.js";
import type { Application } from "./application.entity.js";

/** Resolves Application representations from the gateway; batched by the loader into one statement. */
export function resolveApplicationReference(
  reference: { id: string },
  ctx: CatalogContext,
): Promise<Application | null> {
  return ctx.loaders.applicationById.load(reference.id);
}
