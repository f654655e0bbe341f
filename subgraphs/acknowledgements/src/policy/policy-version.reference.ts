import type { AcknowledgementsContext } from "../context.js";
import type { PolicyVersion } from "./policy-version.entity.js";

/** Resolves PolicyVersion representations from the per-request catalog (two statements for any batch). */
export async function resolvePolicyVersionReference(
  reference: { id: string },
  ctx: AcknowledgementsContext,
): Promise<PolicyVersion | null> {
  return (await ctx.loaders.catalog()).versionById.get(reference.id) ?? null;
}
