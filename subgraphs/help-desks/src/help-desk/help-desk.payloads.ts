import { Field, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { ApplicationHelpDesk, ApplicationStub } from "../application/application-help-desk.entity.js";
import { HelpDesk } from "./help-desk.entity.js";

// type-graphql inherits fields only from a decorated class; unreachable from any field, it stays out of the schema.
/** What every desk mutation answers: the desk as it now is, or why nothing was written. */
@ObjectType("HelpDeskMutationResult")
abstract class HelpDeskResult {
  @Field(() => HelpDesk, { nullable: true, description: "The desk after the change; null when refused." })
  helpDesk!: HelpDesk | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The outcome of createHelpDesk. */
@ObjectType({ description: "The outcome of createHelpDesk." })
export class CreateHelpDeskPayload extends HelpDeskResult {}

/** The outcome of updateHelpDesk. */
@ObjectType({ description: "The outcome of updateHelpDesk." })
export class UpdateHelpDeskPayload extends HelpDeskResult {}

/** The outcome of replaceContactPoints. */
@ObjectType({ description: "The outcome of replaceContactPoints." })
export class ReplaceContactPointsPayload extends HelpDeskResult {}

/** The outcome of setHelpDeskHours. */
@ObjectType({ description: "The outcome of setHelpDeskHours." })
export class SetHelpDeskHoursPayload extends HelpDeskResult {}

/** The outcome of assignHelpDesk. */
@ObjectType({ description: "The outcome of assignHelpDesk." })
export class AssignHelpDeskPayload {
  @Field(() => ApplicationHelpDesk, { nullable: true, description: "The assignment as it now is; null when refused." })
  assignment!: ApplicationHelpDesk | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The outcome of unassignHelpDesk: both ends, so a client can refetch either. */
@ObjectType({ description: "The outcome of unassignHelpDesk." })
export class UnassignHelpDeskPayload {
  @Field(() => ApplicationStub, {
    nullable: true,
    description: "The application the desk was taken from; null when `userErrors` says why not.",
  })
  application!: ApplicationStub | null;

  @Field(() => HelpDesk, { nullable: true, description: "The desk taken away; null when `userErrors` says why not." })
  helpDesk!: HelpDesk | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}
