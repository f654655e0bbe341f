import { Field, ID, InputType } from "type-graphql";
import type { ContactPointDraft } from "../contact/contact-point.js";
import type { HoursDraft } from "../hours/opening-hours.js";
import { ContactKind, Weekday } from "./help-desk.types.js";

/** A contact point as published; phone, TTY and fax numbers are normalised to E.164 with the published display kept. */
@InputType({
  description: "A contact point as published; phone forms such as 1 (855) CMS-1515, press Option 1 are read.",
})
export class ContactPointInput implements ContactPointDraft {
  @Field(() => ContactKind, { description: "How the contact point is reached." })
  kind!: ContactKind;

  @Field(() => String, { description: "As published: a phone number, email address, https URL or instruction." })
  value!: string;

  @Field(() => String, { nullable: true, description: "A phone extension, digits only." })
  extension?: string | null;

  @Field(() => [String], { nullable: true, description: "Added to any menu steps read from value." })
  menuSteps?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: "What this contact point is for (`Password resets`); omit when it serves everything.",
  })
  purpose?: string | null;

  @Field(() => [String], { nullable: true, description: "BCP 47 language tags." })
  availableLanguages?: string[] | null;
}

/** Weekly opening hours for some days. */
@InputType({ description: "Regular hours on some days of the week." })
export class OpeningHoursRuleInput {
  @Field(() => [Weekday], { description: "The days the rule applies to." })
  days!: Weekday[];

  @Field(() => String, { description: "HH:MM, 24-hour, local." })
  opens!: string;

  @Field(() => String, { description: "HH:MM, 24-hour, local; 24:00 for midnight." })
  closes!: string;
}

/** A local date with other hours: closed, or open from opens to closes. */
@InputType({ description: "Other hours, or closed, on one date." })
export class OpeningHoursExceptionInput {
  @Field(() => String, { description: "YYYY-MM-DD in the desk's zone." })
  date!: string;

  @Field(() => Boolean, { nullable: true, description: "Default: true when no hours are given." })
  closed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "Opening time that day (HH:MM, in the desk's zone); omit with `closed: true`.",
  })
  opens?: string | null;

  @Field(() => String, { nullable: true, description: "Closing time that day (HH:MM); omit with `closed: true`." })
  closes?: string | null;

  @Field(() => String, { nullable: true, description: "Why the hours differ that day (`Federal holiday`)." })
  note?: string | null;
}

/** Opening hours in an IANA time zone (Area/Location, e.g. America/Chicago; abbreviations such as EST are refused). */
@InputType({ description: "A desk's opening hours: weekly rules and dated exceptions, in one time zone." })
export class OpeningHoursInput implements HoursDraft {
  @Field(() => String, { description: "The IANA time zone the hours are in (`America/New_York`)." })
  timeZone!: string;

  @Field(() => [OpeningHoursRuleInput], { description: "The regular weekly hours." })
  weekly!: OpeningHoursRuleInput[];

  @Field(() => [OpeningHoursExceptionInput], { nullable: true, description: "Dates with other hours, or closed." })
  exceptions?: OpeningHoursExceptionInput[] | null;
}

/** A new help desk. */
@InputType({ description: "A new help desk." })
export class CreateHelpDeskInput {
  @Field(() => ID, { nullable: true, description: "A lowercase slug; made from the name when omitted." })
  id?: string | null;

  @Field(() => String, { description: "The desk's name." })
  name!: string;

  @Field(() => String, { nullable: true, description: "What the desk helps with." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Free-text notes shown with the desk." })
  notes?: string[] | null;

  @Field(() => [ContactPointInput], { nullable: true, description: "The ways to reach the desk." })
  contactPoints?: ContactPointInput[] | null;

  @Field(() => OpeningHoursInput, { nullable: true, description: "When the desk is open; omit when unknown." })
  hours?: OpeningHoursInput | null;
}

/** Changes to a desk's name, description or notes; a field left out stays as it is. */
@InputType({ description: "Changes to a help desk's name, description or notes; omitted fields stay as they are." })
export class UpdateHelpDeskInput {
  @Field(() => ID, { description: "The desk to change." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A new name; unchanged when omitted." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "null clears it." })
  description?: string | null;

  @Field(() => [String], { nullable: true, description: "Replaces the notes; null clears them." })
  notes?: string[] | null;
}

/** A desk's new contact points, replacing all of its current ones. */
@InputType({ description: "A desk's new contact points." })
export class ReplaceContactPointsInput {
  @Field(() => ID, { description: "The desk whose contact points to replace." })
  helpDeskId!: string;

  @Field(() => [ContactPointInput], { description: "The new contact points, replacing all of the old ones." })
  contactPoints!: ContactPointInput[];
}

/** A desk's new hours; null clears them (openNow then answers null). */
@InputType({ description: "A desk's new opening hours." })
export class SetHelpDeskHoursInput {
  @Field(() => ID, { description: "The desk whose hours to set." })
  helpDeskId!: string;

  @Field(() => OpeningHoursInput, { nullable: true, description: "The new hours; null clears them (hours unknown)." })
  hours?: OpeningHoursInput | null;
}

/** Assigns a desk to an application (or changes the purpose and primary flag of an existing assignment). */
@InputType({ description: "A desk to assign to an application." })
export class AssignHelpDeskInput {
  @Field(() => ID, { description: "The catalog's application id." })
  applicationId!: string;

  @Field(() => ID, { description: "The desk to assign." })
  helpDeskId!: string;

  @Field(() => String, {
    nullable: true,
    description: "What the desk helps with for this application; omit when it helps with everything.",
  })
  purpose?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Make it the application's primary desk (default false)." })
  primary?: boolean | null;
}

/** Removes a desk from an application. */
@InputType({ description: "A desk to take from an application." })
export class UnassignHelpDeskInput {
  @Field(() => ID, { description: "The application to take the desk from." })
  applicationId!: string;

  @Field(() => ID, { description: "The desk to take away." })
  helpDeskId!: string;
}
