import type { PolicyKind } from "../shared/policy-kind.js";
import type { ApplicationAccess } from "./application-access.entity.js";

/** An Application representation as the gateway sends it (with the @requires selection of viewerAccessBlockers). */
export interface ApplicationRepresentation {
  id: string;
  viewerMissingPrivilegedAcknowledgements?: PolicyKind[] | null;
}

/** Resolves Application representations without SQL: the key is all this subgraph needs; its fields batch by loader. */
export function resolveApplicationReference(reference: ApplicationRepresentation): ApplicationAccess {
  return {
    id: reference.id,
    viewerMissingPrivilegedAcknowledgements: reference.viewerMissingPrivilegedAcknowledgements,
  };
}
