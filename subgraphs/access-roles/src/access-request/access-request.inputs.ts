import { Field, ID, InputType } from "type-graphql";
import { DecisionOutcome } from "./access-request.types.js";

/** requestAccess's input. */
@InputType({ description: "A request for a role." })
export class RequestAccessInput {
  @Field(() => ID)
  roleId!: string;

  @Field(() => String, { description: "Why the role is needed: 10 to 1000 characters." })
  justification!: string;
}

/** cancelAccessRequest's input. */
@InputType()
export class CancelAccessRequestInput {
  @Field(() => ID)
  requestId!: string;
}

/** decideAccessRequest's input. */
@InputType()
export class DecideAccessRequestInput {
  @Field(() => ID)
  requestId!: string;

  @Field(() => DecisionOutcome)
  decision!: DecisionOutcome;

  @Field(() => String, { nullable: true, description: "Up to 1000 characters; required to reject." })
  comment?: string | null;
}
