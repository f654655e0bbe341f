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

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** The outcome of createHelpDesk. */
@ObjectType()
export class CreateHelpDeskPayload extends HelpDeskResult {}

/** The outcome of updateHelpDesk. */
@ObjectType()
export class UpdateHelpDeskPayload extends HelpDeskResult {}

/** The outcome of replaceContactPoints. */
@ObjectType()
export class ReplaceContactPointsPayload extends HelpDeskResult {}

/** The outcome of setHelpDeskHours. */
@ObjectType()
export class SetHelpDeskHoursPayload extends HelpDeskResult {}

/** The outcome of assignHelpDesk. */
@ObjectType()
export class AssignHelpDeskPayload {
  @Field(() => ApplicationHelpDesk, { nullable: true, description: "The assignment as it now is; null when refused." })
  assignment!: ApplicationHelpDesk | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** The outcome of unassignHelpDesk: both ends, so a client can refetch either. */
@ObjectType()
export class UnassignHelpDeskPayload {
  @Field(() => ApplicationStub, { nullable: true })
  application!: ApplicationStub | null;

  @Field(() => HelpDesk, { nullable: true })
  helpDesk!: HelpDesk | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
