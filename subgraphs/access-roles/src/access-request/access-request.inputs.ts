import { Field, ID, InputType } from "type-graphql";
import { DecisionOutcome } from "./access-request.types.js";

/** requestAccess's input. */
@InputType({ description: "A request for a role." })
export class RequestAccessInput {
  @Field(() => ID, { description: "The role asked for (`Role.id`)." })
  roleId!: string;

  @Field(() => String, { description: "Why the role is needed: 10 to 1000 characters." })
  justification!: string;
}

/** cancelAccessRequest's input. */
@InputType({ description: "Which pending request to withdraw." })
export class CancelAccessRequestInput {
  @Field(() => ID, { description: "The pending request to withdraw; only its requester may." })
  requestId!: string;
}

/** decideAccessRequest's input. */
@InputType({ description: "An approver's decision on a pending request." })
export class DecideAccessRequestInput {
  @Field(() => ID, { description: "The pending request to decide." })
  requestId!: string;

  @Field(() => DecisionOutcome, { description: "Approve or reject; a rejection needs a comment." })
  decision!: DecisionOutcome;

  @Field(() => String, { nullable: true, description: "Up to 1000 characters; required to reject." })
  comment?: string | null;
}
