import { registerEnumType } from "type-graphql";

/**
 * The kinds of policy a user acknowledges. Owned by the acknowledgements subgraph and declared here once, with
 * type-graphql, for it and for the subgraphs that read its answers through `@requires`
 * (`User.missingPrivilegedAcknowledgements`, ADR 0002): the enum is one definition in every schema that has it.
 */
export enum PolicyKind {
  WARNING_BANNER = "WARNING_BANNER",
  RULES_OF_BEHAVIOR = "RULES_OF_BEHAVIOR",
  PRIVILEGED_USER_ADDENDUM = "PRIVILEGED_USER_ADDENDUM",
  APPLICATION_RULES = "APPLICATION_RULES",
  PRIVACY_ACT_STATEMENT = "PRIVACY_ACT_STATEMENT",
  PAPERWORK_REDUCTION_ACT_NOTICE = "PAPERWORK_REDUCTION_ACT_NOTICE",
}
registerEnumType(PolicyKind, {
  name: "PolicyKind",
  description: "What a policy text is.",
  valuesConfig: {
    WARNING_BANNER: { description: "The system use notification shown before sign-in." },
    RULES_OF_BEHAVIOR: { description: "The portal's Rules of Behavior every user acknowledges." },
    PRIVILEGED_USER_ADDENDUM: { description: "The addendum to the Rules of Behavior for holders of privileged roles." },
    APPLICATION_RULES: { description: "Rules one application adds for its own users." },
    PRIVACY_ACT_STATEMENT: { description: "The Privacy Act statement: a notice." },
    PAPERWORK_REDUCTION_ACT_NOTICE: { description: "The Paperwork Reduction Act notice: a notice." },
  },
});

/** The kinds a privileged role's holder must hold as current before the grant is ACTIVE (the acknowledgements rule). */
export const PRIVILEGED_PREREQUISITES: readonly PolicyKind[] = [
  PolicyKind.RULES_OF_BEHAVIOR,
  PolicyKind.PRIVILEGED_USER_ADDENDUM,
];
