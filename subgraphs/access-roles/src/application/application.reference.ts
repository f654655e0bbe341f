import type { ApplicationAccess } from "./application-access.entity.js";

/** Resolves Application representations without SQL: the key is all this subgraph needs; its fields batch by loader. */
export function resolveApplicationReference(reference: { id: string }): ApplicationAccess {
  return { id: reference.id };
}
