import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { ContactKind, type ContactPointValue } from "../contact/contact-point.js";
import { Weekday, type Hours, type HoursException, type WeeklyRule } from "../hours/opening-hours.js";
import { CACHE_INHERIT } from "@portal-graph/subgraph-kit";

export { ContactKind, Weekday };

registerEnumType(ContactKind, {
  name: "ContactKind",
  description: "How a contact point is reached; LOCAL_DESK is an instruction to contact the caller's local help desk.",
  valuesConfig: {
    PHONE: { description: "A telephone number (E.164 value, with the published display)." },
    TTY: { description: "A TTY (text telephone) number." },
    FAX: { description: "A fax number." },
    EMAIL: { description: "An email address." },
    WEB: { description: "A web page or form." },
    LOCAL_DESK: { description: "An instruction: contact your local help desk." },
  },
});
registerEnumType(Weekday, {
  name: "Weekday",
  description: "A day of the week.",
  valuesConfig: {
    MONDAY: { description: "Monday." },
    TUESDAY: { description: "Tuesday." },
    WEDNESDAY: { description: "Wednesday." },
    THURSDAY: { description: "Thursday." },
    FRIDAY: { description: "Friday." },
    SATURDAY: { description: "Saturday." },
    SUNDAY: { description: "Sunday." },
  },
});

/** What kind of flaw the seed found in what the page published. */
export enum DataQualityCode {
  MALFORMED_VALUE = "MALFORMED_VALUE",
  NO_CONTACT = "NO_CONTACT",
  NAME_ASSUMED = "NAME_ASSUMED",
  NAME_VARIANT = "NAME_VARIANT",
  TIME_ZONE_ASSUMED = "TIME_ZONE_ASSUMED",
  DAYS_ASSUMED = "DAYS_ASSUMED",
  KIND_ASSUMED = "KIND_ASSUMED",
}
registerEnumType(DataQualityCode, {
  name: "DataQualityCode",
  description: "What kind of flaw a data-quality issue is.",
  valuesConfig: {
    MALFORMED_VALUE: {
      description: "A published value could not be read as what it claims to be (a phone number, an address).",
    },
    NO_CONTACT: { description: "The desk has no contact points." },
    NAME_ASSUMED: { description: "The source named no desk; the name is ours." },
    NAME_VARIANT: { description: "The source names this desk differently in different places." },
    TIME_ZONE_ASSUMED: { description: "The source gave hours without a time zone; the zone is assumed." },
    DAYS_ASSUMED: { description: "The source gave hours without days; the days are assumed." },
    KIND_ASSUMED: { description: "The source did not say what kind of contact a value is; the kind is assumed." },
  },
});

/** One way to reach a desk: a phone (E.164 value, published display), TTY, fax, email, web address or instruction. */
@ObjectType({ description: "One way to reach a help desk." })
@Directive(CACHE_INHERIT)
export class ContactPoint implements ContactPointValue {
  @Field(() => ContactKind, { description: "How the contact point is reached." })
  kind!: ContactKind;

  @Field(() => String, {
    description: "E.164 for phone, TTY and fax (+18552671515); the lower-cased address for email; the URL for web.",
  })
  value!: string;

  @Field(() => String, { description: "The form the page publishes, e.g. 1 (855) CMS-1515." })
  display!: string;

  @Field(() => String, { nullable: true, description: "Digits to dial after connecting." })
  extension!: string | null;

  @Field(() => [String], { description: 'Menu steps after dialling, as published ("press Option 1").' })
  menuSteps!: string[];

  @Field(() => String, { nullable: true, description: "What this contact point is for, when it is for one thing." })
  purpose!: string | null;

  @Field(() => [String], { description: "BCP 47 language tags; empty when the page does not say." })
  availableLanguages!: string[];
}

/** Weekly opening hours: open from `opens` to `closes` on each of `days`. */
@ObjectType({ description: "Open from opens to closes (HH:MM, 24-hour, local to the desk's zone) on each day." })
@Directive(CACHE_INHERIT)
export class OpeningHoursRule implements WeeklyRule {
  @Field(() => [Weekday], { description: "The days the rule applies to." })
  days!: Weekday[];

  @Field(() => String, { description: "Opening time (HH:MM) in the desk's time zone." })
  opens!: string;

  @Field(() => String, { description: "24:00 means until midnight." })
  closes!: string;
}

/** A local date with other hours than the weekly rules (a holiday, a short day). */
@ObjectType({ description: "A local date that departs from the weekly hours." })
@Directive(CACHE_INHERIT)
export class OpeningHoursException implements HoursException {
  @Field(() => String, { description: "YYYY-MM-DD, in the desk's zone." })
  date!: string;

  @Field(() => Boolean, { description: "True when the desk is closed all day." })
  closed!: boolean;

  @Field(() => String, { nullable: true, description: "Opening time that day (HH:MM); null when closed." })
  opens!: string | null;

  @Field(() => String, { nullable: true, description: "Closing time that day (HH:MM); null when closed." })
  closes!: string | null;

  @Field(() => String, { nullable: true, description: "Why the hours differ that day; null when not said." })
  note!: string | null;
}

/** A desk's opening hours in one IANA time zone. */
@ObjectType({ description: "Opening hours: weekly rules and dated exceptions in one IANA time zone." })
@Directive(CACHE_INHERIT)
export class OpeningHours implements Hours {
  @Field(() => String, { description: "IANA time zone, e.g. America/Chicago." })
  timeZone!: string;

  @Directive("@listSize(assumedSize: 7)")
  @Field(() => [OpeningHoursRule], { description: "The regular weekly hours." })
  weekly!: OpeningHoursRule[];

  @Field(() => [OpeningHoursException], { description: "Dates with other hours, or closed." })
  exceptions!: OpeningHoursException[];
}

/** Something the seed could not take as published, and what it did instead. */
@ObjectType({ description: "Something the source could not be taken at its word on, and what was done instead." })
@Directive(CACHE_INHERIT)
export class DataQualityIssue {
  @Field(() => String, {
    description: "The field concerned, as an input path (contactPoints.0.value, hours.timeZone).",
  })
  field!: string;

  @Field(() => DataQualityCode, { description: "What kind of flaw this is." })
  code!: DataQualityCode;

  @Field(() => String, { description: "What was wrong and what was done about it." })
  problem!: string;

  @Field(() => String, { nullable: true, description: "The text as published, when there was one." })
  original!: string | null;
}
