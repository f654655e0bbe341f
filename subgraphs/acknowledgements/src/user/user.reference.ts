import type { UserAcknowledgements } from "./user.stub.js";

/** Resolves User representations without SQL: the key is all this subgraph needs; its fields batch by loader. */
export function resolveUserReference(reference: { id: string }): UserAcknowledgements {
  return { id: reference.id };
}
