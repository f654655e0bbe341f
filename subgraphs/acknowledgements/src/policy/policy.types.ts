import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { CACHE_INHERIT } from "@portal-graph/subgraph-kit";

/** What a policy text is. */
// The kinds of policy are this subgraph's contract with access-roles, declared once in @portal-graph/policy-kinds.
export { PolicyKind } from "@portal-graph/policy-kinds";

/** Who must acknowledge a policy. */
export enum PolicyScope {
  ALL_USERS = "ALL_USERS",
  APPLICATION_USERS = "APPLICATION_USERS",
  PRIVILEGED_USERS = "PRIVILEGED_USERS",
}
registerEnumType(PolicyScope, {
  name: "PolicyScope",
  description: "Who must acknowledge a policy: everyone, the users of one application, or privileged users.",
  valuesConfig: {
    ALL_USERS: { description: "Every user of the portal." },
    APPLICATION_USERS: { description: "The users of the policy's application." },
    PRIVILEGED_USERS: { description: "Holders of privileged roles." },
  },
});

/** When a policy must be acknowledged again. */
export enum RenewalKind {
  EVERY_SIGN_IN = "EVERY_SIGN_IN",
  PERIOD = "PERIOD",
  ON_NEW_VERSION = "ON_NEW_VERSION",
  NONE = "NONE",
}
registerEnumType(RenewalKind, {
  name: "RenewalKind",
  description: "When a policy must be acknowledged again; NONE for notices that need no acknowledgement.",
  valuesConfig: {
    EVERY_SIGN_IN: { description: "At every sign-in (judged against the token's auth_time)." },
    PERIOD: { description: "A number of days after the last acknowledgement." },
    ON_NEW_VERSION: { description: "Only when a new version asks for it." },
    NONE: { description: "A notice: shown, never acknowledged." },
  },
});

/** How an acknowledgement was given. */
export enum AcknowledgementMethod {
  ELECTRONIC = "ELECTRONIC",
  WRITTEN = "WRITTEN",
}
registerEnumType(AcknowledgementMethod, {
  name: "AcknowledgementMethod",
  description: "How an acknowledgement was given: electronically, or by a written signature.",
  valuesConfig: {
    ELECTRONIC: { description: "Acknowledged in the portal." },
    WRITTEN: { description: "A written signature, recorded by an administrator." },
  },
});

/** When a policy must be acknowledged again, with the days for PERIOD. */
@ObjectType({ description: "When a policy must be acknowledged again." })
@Directive(CACHE_INHERIT)
export class PolicyRenewal {
  @Field(() => RenewalKind, { description: "When the policy must be acknowledged again." })
  kind!: RenewalKind;

  @Field(() => Int, { nullable: true, description: "For PERIOD: the days an acknowledgement stays valid." })
  days!: number | null;
}

/** The Paperwork Reduction Act facts a notice displays. */
@ObjectType({
  description: "The OMB approval of an information collection, as a Paperwork Reduction Act notice shows it.",
})
@Directive(CACHE_INHERIT)
export class OmbNotice {
  @Field(() => String, { description: "The OMB control number, for example 0938-1236." })
  controlNumber!: string;

  @Field(() => String, { description: 'The day the approval expires, "YYYY-MM-DD".' })
  expiresOn!: string;

  @Field(() => Boolean, { description: "True once today (UTC) is after expiresOn." })
  expired!: boolean;

  @Field(() => Int, { description: "Estimated minutes per response." })
  burdenMinutes!: number;
}
