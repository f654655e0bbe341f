import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { AcknowledgementMethod } from "../policy/policy.types.js";
import { Acknowledgement } from "./acknowledgement.entity.js";

/** What the viewer acknowledges; there is no user field: one acknowledges for oneself only. */
@InputType({ description: "The viewer acknowledges a policy version, for themself only." })
export class AcknowledgePolicyInput {
  @Field(() => ID, { description: "The version to acknowledge: it must be the policy's current one." })
  policyVersionId!: string;

  @Field(() => AcknowledgementMethod, { nullable: true, description: "Default ELECTRONIC." })
  method?: AcknowledgementMethod | null;

  @Field(() => ID, {
    nullable: true,
    description: "The application it is given for (defaults to the policy's own for application rules).",
  })
  applicationId?: string | null;
}

/** The outcome of acknowledgePolicy. */
@ObjectType({ description: "The acknowledgement made (or the one already holding), or why none was made." })
export class AcknowledgePolicyPayload {
  @Field(() => Acknowledgement, {
    nullable: true,
    description: "The acknowledgement recorded; null when `userErrors` says why not.",
  })
  acknowledgement!: Acknowledgement | null;

  @Field(() => Boolean, {
    description: "False when an acknowledgement of this version already holding was returned and nothing was written.",
  })
  created!: boolean;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}
