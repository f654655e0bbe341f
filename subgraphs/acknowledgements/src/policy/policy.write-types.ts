import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { PolicyVersion } from "./policy-version.entity.js";

/** The Paperwork Reduction Act facts of a notice version. */
@InputType({ description: "The OMB approval a Paperwork Reduction Act notice displays." })
export class OmbNoticeInput {
  @Field(() => String, { description: "Four digits, a hyphen, four digits: 0938-1236." })
  controlNumber!: string;

  @Field(() => String, { description: 'The expiry day, "YYYY-MM-DD".' })
  expiresOn!: string;

  @Field(() => Int, { description: "Estimated minutes per response, 1 to 10000." })
  burdenMinutes!: number;
}

/** A new version of a policy: versions are never edited, each change is published as the next one. */
@InputType({ description: "A new version of a policy (POLICY_ADMIN); versions are never edited." })
export class PublishPolicyVersionInput {
  @Field(() => ID, { description: "The policy to publish a new version of." })
  policyId!: string;

  @Field(() => String, { description: "The full text, 1 to 20000 characters; it must differ from the latest version." })
  body!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The day it takes effect, "YYYY-MM-DD" (default today, UTC); not before the latest version\'s.',
  })
  effectiveOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "True when acknowledgements of earlier versions stay valid; default false (everyone acknowledges again).",
  })
  keepsEarlierAcknowledgements?: boolean | null;

  @Field(() => OmbNoticeInput, { nullable: true, description: "For Paperwork Reduction Act notices." })
  omb?: OmbNoticeInput | null;
}

/** The outcome of publishPolicyVersion. */
@ObjectType({ description: "The version published, or why nothing was written." })
export class PublishPolicyVersionPayload {
  @Field(() => PolicyVersion, {
    nullable: true,
    description: "The version published; null when `userErrors` says why not.",
  })
  policyVersion!: PolicyVersion | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}
