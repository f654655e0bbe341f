import type { ApplicationStub } from "./application-help-desk.entity.js";

/** Resolves Application representations without SQL: the key is all this subgraph needs; helpDesks batch by loader. */
export function resolveApplicationReference(reference: { id: string }): ApplicationStub {
  return { id: reference.id };
}
