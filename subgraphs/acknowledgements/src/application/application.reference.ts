import type { ApplicationPolicies } from "./application.stub.js";

/** Resolves Application representations without SQL: requiredPolicies reads the per-request policy catalog. */
export function resolveApplicationReference(reference: { id: string }): ApplicationPolicies {
  return { id: reference.id };
}
