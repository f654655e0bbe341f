import type { ReadinessHelpDesks } from "./readiness.types.js";

/** Resolves Readiness representations without SQL: the key is all this subgraph needs; help batches by loader. */
export function resolveReadinessReference(reference: { applicationId: string }): ReadinessHelpDesks {
  return { applicationId: reference.applicationId };
}
