import { Field, ObjectType } from "type-graphql";
import { Acknowledgement } from "../acknowledgement/acknowledgement.entity.js";
import { Policy } from "../policy/policy.entity.js";
import { PolicyVersion } from "../policy/policy-version.entity.js";
import { ComplianceStatus } from "./status.js";

/** One policy a user must acknowledge, and where they stand with it. */
@ObjectType({ description: "One policy a user must acknowledge, and where they stand with it." })
export class ComplianceRequirement {
  @Field(() => Policy, { description: "The policy the user must acknowledge." })
  policy!: Policy;

  @Field(() => PolicyVersion, { description: "The version in effect today: the one to acknowledge." })
  version!: PolicyVersion;

  @Field(() => ComplianceStatus, { description: "Whether the user's acknowledgement of it is current." })
  status!: ComplianceStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'The day it is (or was) due, "YYYY-MM-DD": the lapse day for policies renewed after a period, today for ' +
      "what is due now, the new version's effective day for NEW_VERSION; null when nothing will come due.",
  })
  dueBy!: string | null;

  @Field(() => Acknowledgement, { nullable: true, description: "The user's latest acknowledgement of the policy." })
  acknowledgement!: Acknowledgement | null;
}

/** What a user must acknowledge, and whether all of it is done. */
@ObjectType({ description: "What a user must acknowledge, and whether all of it is done." })
export class Compliance {
  @Field(() => Boolean, { description: "True when every requirement is CURRENT or DUE_SOON." })
  compliant!: boolean;

  @Field(() => [ComplianceRequirement], {
    description: "Each policy that applies to the user, with where the user stands on it.",
  })
  requirements!: ComplianceRequirement[];
}
