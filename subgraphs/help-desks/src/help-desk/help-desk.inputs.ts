import { Field, ID, InputType } from "type-graphql";
import type { ContactPointDraft } from "../contact/contact-point.js";
import type { HoursDraft } from "../hours/opening-hours.js";
import { ContactKind, Weekday } from "./help-desk.types.js";

/** A contact point as published; phone, TTY and fax numbers are normalised to E.164 with the published display kept. */
@InputType({
  description: "A contact point as published; phone forms such as 1 (855) CMS-1515, press Option 1 are read.",
})
export class ContactPointInput implements ContactPointDraft {
  @Field(() => ContactKind)
  kind!: ContactKind;

  @Field(() => String, { description: "As published: a phone number, email address, https URL or instruction." })
  value!: string;

  @Field(() => String, { nullable: true })
  extension?: string | null;

  @Field(() => [String], { nullable: true, description: "Added to any menu steps read from value." })
  menuSteps?: string[] | null;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => [String], { nullable: true, description: "BCP 47 language tags." })
  availableLanguages?: string[] | null;
}

/** Weekly opening hours for some days. */
@InputType()
export class OpeningHoursRuleInput {
  @Field(() => [Weekday])
  days!: Weekday[];

  @Field(() => String, { description: "HH:MM, 24-hour, local." })
  opens!: string;

  @Field(() => String, { description: "HH:MM, 24-hour, local; 24:00 for midnight." })
  closes!: string;
}

/** A local date with other hours: closed, or open from opens to closes. */
@InputType()
export class OpeningHoursExceptionInput {
  @Field(() => String, { description: "YYYY-MM-DD in the desk's zone." })
  date!: string;

  @Field(() => Boolean, { nullable: true, description: "Default: true when no hours are given." })
  closed?: boolean | null;

  @Field(() => String, { nullable: true })
  opens?: string | null;

  @Field(() => String, { nullable: true })
  closes?: string | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

/** Opening hours in an IANA time zone (Area/Location, e.g. America/Chicago; abbreviations such as EST are refused). */
@InputType()
export class OpeningHoursInput implements HoursDraft {
  @Field(() => String)
  timeZone!: string;

  @Field(() => [OpeningHoursRuleInput])
  weekly!: OpeningHoursRuleInput[];

  @Field(() => [OpeningHoursExceptionInput], { nullable: true })
  exceptions?: OpeningHoursExceptionInput[] | null;
}

/** A new help desk. */
@InputType()
export class CreateHelpDeskInput {
  @Field(() => ID, { nullable: true, description: "A lowercase slug; made from the name when omitted." })
  id?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [String], { nullable: true })
  notes?: string[] | null;

  @Field(() => [ContactPointInput], { nullable: true })
  contactPoints?: ContactPointInput[] | null;

  @Field(() => OpeningHoursInput, { nullable: true })
  hours?: OpeningHoursInput | null;
}

/** Changes to a desk's name, description or notes; a field left out stays as it is. */
@InputType()
export class UpdateHelpDeskInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "null clears it." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Replaces the notes; null clears them." })
  notes?: string[] | null;
}

/** A desk's new contact points, replacing all of its current ones. */
@InputType()
export class ReplaceContactPointsInput {
  @Field(() => ID)
  helpDeskId!: string;

  @Field(() => [ContactPointInput])
  contactPoints!: ContactPointInput[];
}

/** A desk's new hours; null clears them (openNow then answers null). */
@InputType()
export class SetHelpDeskHoursInput {
  @Field(() => ID)
  helpDeskId!: string;

  @Field(() => OpeningHoursInput, { nullable: true })
  hours?: OpeningHoursInput | null;
}

/** Assigns a desk to an application (or changes the purpose and primary flag of an existing assignment). */
@InputType()
export class AssignHelpDeskInput {
  @Field(() => ID, { description: "The catalog's application id." })
  applicationId!: string;

  @Field(() => ID)
  helpDeskId!: string;

  @Field(() => String, { nullable: true })
  purpose?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Make it the application's primary desk (default false)." })
  primary?: boolean | null;
}

/** Removes a desk from an application. */
@InputType()
export class UnassignHelpDeskInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => ID)
  helpDeskId!: string;
}
