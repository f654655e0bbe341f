import { Field, ID, InputType, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { Application } from "./application.entity.js";
import { LinkKind } from "./application.types.js";

// Optional fields are undefined when the caller leaves them out and null when the caller sends null:
// the writes tell "leave as is" from "clear" by that difference.

/** A link as a write gives it. */
@InputType({ description: "A typed link of an application, as a write gives it." })
export class ApplicationLinkInput {
  @Field(() => LinkKind, { description: "What the link points to." })
  kind!: LinkKind;

  @Field(() => String, { description: "1 to 200 characters." })
  title!: string;

  @Field(() => String, { description: "An absolute https:// URL." })
  url!: string;
}

/** The fields of a new application. */
@InputType({ description: "A new application; portal admins only." })
export class RegisterApplicationInput {
  @Field(() => ID, { description: "Lowercase slug of 2 to 64 characters, for example pecos-ai; never changes." })
  id!: string;

  @Field(() => String, { description: "1 to 200 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Unique, case-insensitively; at most 32 characters." })
  acronym?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "Names the application was known by before, so searches still find it.",
  })
  formerNames?: string[] | null;

  @Field(() => String, { nullable: true, description: "At most 4000 characters." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "The catalog category to list it under." })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "An absolute https:// URL." })
  launchUrl?: string | null;

  @Field(() => String, { nullable: true, description: "The group whose members may change the application." })
  ownerGroup?: string | null;

  @Field(() => [String], { nullable: true, description: "Lowercase slugs." })
  tags?: string[] | null;

  @Field(() => [ApplicationLinkInput], { nullable: true, description: "Help and information links." })
  links?: ApplicationLinkInput[] | null;
}

/** Changes to an application: only the fields given change, null clears, and a list given replaces the list. */
@InputType({
  description:
    "Changes to an application: fields left out stay as they are, null clears a field, a list replaces the list.",
})
export class UpdateApplicationInput {
  @Field(() => ID, { description: "The application to change." })
  id!: string;

  @Field(() => String, { nullable: true, description: "A new full name; unchanged when omitted." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: "A new acronym; unchanged when omitted." })
  acronym?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The new list of former names (replaces the old one); unchanged when omitted.",
  })
  formerNames?: string[] | null;

  @Field(() => String, { nullable: true, description: "A new description; unchanged when omitted." })
  description?: string | null;

  @Field(() => String, { nullable: true, description: "A new category; unchanged when omitted." })
  category?: string | null;

  @Field(() => String, { nullable: true, description: "A new launch URL (http or https); unchanged when omitted." })
  launchUrl?: string | null;

  @Field(() => String, { nullable: true, description: "Portal admins only." })
  ownerGroup?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The new list of tags (replaces the old one); unchanged when omitted.",
  })
  tags?: string[] | null;

  @Field(() => [ApplicationLinkInput], {
    nullable: true,
    description: "The new list of links (replaces the old one); unchanged when omitted.",
  })
  links?: ApplicationLinkInput[] | null;
}

/** Marks an application DEPRECATED, with its replacement and sunset day. */
@InputType({ description: "Marks an application DEPRECATED; fields left out stay as they are, null clears." })
export class DeprecateApplicationInput {
  @Field(() => ID, { description: "The application to mark deprecated." })
  id!: string;

  @Field(() => ID, { nullable: true, description: "The application that replaces it: existing, not retired." })
  replacedBy?: string | null;

  @Field(() => String, { nullable: true, description: 'A calendar day, "YYYY-MM-DD", today or later (UTC).' })
  sunsetOn?: string | null;
}

/** Marks an application RETIRED. */
@InputType({ description: "Marks an application RETIRED." })
export class RetireApplicationInput {
  @Field(() => ID, { description: "The application to retire." })
  id!: string;
}

/** What every application write returns: the application as written, or why nothing was written. */
// Not referenced by any field, so type-graphql 2 leaves it out of the schema: only its subclasses appear.
@ObjectType()
export abstract class ApplicationPayload {
  @Field(() => Application, { nullable: true, description: "The application after the write; null when refused." })
  application!: Application | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The result of registerApplication. */
@ObjectType({ description: "The outcome of registerApplication." })
export class RegisterApplicationPayload extends ApplicationPayload {}

/** The result of updateApplication. */
@ObjectType({ description: "The outcome of updateApplication." })
export class UpdateApplicationPayload extends ApplicationPayload {}

/** The result of deprecateApplication. */
@ObjectType({ description: "The outcome of deprecateApplication." })
export class DeprecateApplicationPayload extends ApplicationPayload {}

/** The result of retireApplication. */
@ObjectType({ description: "The outcome of retireApplication." })
export class RetireApplicationPayload extends ApplicationPayload {}
