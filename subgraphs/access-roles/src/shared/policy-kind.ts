import { PRIVILEGED_PREREQUISITES, PolicyKind } from "@portal-graph/policy-kinds";

// Declared once by the acknowledgements team (packages/policy-kinds): this subgraph declares
// User.missingPrivilegedAcknowledgements @external, of this type, to @requires it (docs/adr/0002).
export { PolicyKind };

/**
 * The privileged prerequisites a holder lacks, from what the gateway sent (the acknowledgements subgraph's
 * answer). Unknown (no representation: a direct call that skipped the gateway's @requires fetch) counts as all
 * missing, so a privileged grant is never reported ACTIVE on facts nobody checked.
 */
export function missingPrerequisites(known: readonly string[] | null | undefined): PolicyKind[] {
  if (!known) return [...PRIVILEGED_PREREQUISITES];
  return PRIVILEGED_PREREQUISITES.filter((kind) => known.includes(kind));
}
