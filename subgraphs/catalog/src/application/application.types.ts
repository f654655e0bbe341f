import { Field, ObjectType, registerEnumType } from "type-graphql";

/** Where an application is in its life; DEPRECATED still works but has a replacement coming. */
export enum Lifecycle {
  ACTIVE = "ACTIVE",
  DEPRECATED = "DEPRECATED",
  RETIRED = "RETIRED",
}
registerEnumType(Lifecycle, { name: "Lifecycle", description: "Where an application is in its life." });

/** What a link points to. */
export enum LinkKind {
  FAQ = "FAQ",
  USER_GUIDE = "USER_GUIDE",
  HOME = "HOME",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}
registerEnumType(LinkKind, { name: "LinkKind", description: "What a link points to." });

/** A typed link of an application (its FAQ, user guide, home page...). */
@ObjectType({ description: "A typed link of an application." })
export class ApplicationLink {
  @Field(() => LinkKind)
  kind!: LinkKind;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  url!: string;
}
