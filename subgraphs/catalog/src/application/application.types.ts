import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { CACHE_INHERIT } from "@portal-graph/subgraph-kit";

/** Where an application is in its life; DEPRECATED still works but has a replacement coming. */
export enum Lifecycle {
  ACTIVE = "ACTIVE",
  DEPRECATED = "DEPRECATED",
  RETIRED = "RETIRED",
}
registerEnumType(Lifecycle, {
  name: "Lifecycle",
  description: "Where an application is in its life.",
  valuesConfig: {
    ACTIVE: { description: "In service." },
    DEPRECATED: { description: "Still works, but a replacement is coming; plan to move." },
    RETIRED: { description: "Out of service; kept for history." },
  },
});

/** What a link points to. */
export enum LinkKind {
  FAQ = "FAQ",
  USER_GUIDE = "USER_GUIDE",
  HOME = "HOME",
  TRAINING = "TRAINING",
  OTHER = "OTHER",
}
registerEnumType(LinkKind, {
  name: "LinkKind",
  description: "What a link points to.",
  valuesConfig: {
    FAQ: { description: "Frequently asked questions." },
    USER_GUIDE: { description: "A user guide or manual." },
    HOME: { description: "The application's home or information page." },
    TRAINING: { description: "Training material." },
    OTHER: { description: "Any other link; its title says what it is." },
  },
});

/** A typed link of an application (its FAQ, user guide, home page...). */
@ObjectType({ description: "A typed link of an application." })
@Directive(CACHE_INHERIT)
export class ApplicationLink {
  @Field(() => LinkKind, { description: "What the link points to." })
  kind!: LinkKind;

  @Field(() => String, { description: "The link's text." })
  title!: string;

  @Field(() => String, { description: "The link's address." })
  url!: string;
}
