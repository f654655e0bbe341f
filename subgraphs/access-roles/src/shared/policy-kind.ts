import { registerEnumType } from "type-graphql";

/**
 * The kinds of policy a user acknowledges. The acknowledgements subgraph owns this enum; it is repeated here,
 * value for value, because `User.missingPrivilegedAcknowledgements` (declared @external) is of this type. Kept
 * identical: a drift composes, but with an INCONSISTENT_ENUM_VALUE_FOR_OUTPUT_ENUM hint (see docs/adr/0002).
 */
export enum PolicyKind {
  WARNING_BANNER = "WARNING_BANNER",
  RULES_OF_BEHAVIOR = "RULES_OF_BEHAVIOR",
  PRIVILEGED_USER_ADDENDUM = "PRIVILEGED_USER_ADDENDUM",
  APPLICATION_RULES = "APPLICATION_RULES",
  PRIVACY_ACT_STATEMENT = "PRIVACY_ACT_STATEMENT",
  PAPERWORK_REDUCTION_ACT_NOTICE = "PAPERWORK_REDUCTION_ACT_NOTICE",
}
// No description: the acknowledgements subgraph owns the type's description (a second one is a composition hint).
registerEnumType(PolicyKind, { name: "PolicyKind" });

/** What a privileged role's holder must hold as current before the grant is ACTIVE. */
export const PRIVILEGED_PREREQUISITES: readonly PolicyKind[] = [
  PolicyKind.RULES_OF_BEHAVIOR,
  PolicyKind.PRIVILEGED_USER_ADDENDUM,
];

/**
 * The privileged prerequisites a holder lacks, from what the gateway sent (the acknowledgements subgraph's
 * answer). Unknown (no representation: a direct call that skipped the gateway's @requires fetch) counts as all
 * missing, so a privileged grant is never reported ACTIVE on facts nobody checked.
 */
export function missingPrerequisites(known: readonly string[] | null | undefined): PolicyKind[] {
  if (!known) return [...PRIVILEGED_PREREQUISITES];
  return PRIVILEGED_PREREQUISITES.filter((kind) => known.includes(kind));
}
