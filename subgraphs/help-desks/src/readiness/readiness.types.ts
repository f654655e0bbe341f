import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@portal-graph/subgraph-kit";
import { HelpDesk } from "../help-desk/help-desk.entity.js";

/**
 * The catalog's Readiness as this subgraph sees it: only its key, the application's id. The class has its own name
 * because type-graphql metadata is global to the process and the catalog has a class for the same type.
 */
// No description on the type or its key field: the catalog owns both (a second description is a composition hint).
@ObjectType("Readiness")
@Directive('@key(fields: "applicationId")')
export class ReadinessHelpDesks {
  @Field(() => ID)
  applicationId!: string;
}

/** The desk to contact about an application at an instant, whether it is open then, and when it opens if not. */
@ObjectType({ description: "Who can help with an application right now." })
export class ReadinessHelp {
  @Field(() => HelpDesk, {
    description:
      "The desk chosen: the application's first desk open now, else the one opening soonest, else its primary desk.",
  })
  helpDesk!: HelpDesk;

  @Field(() => Boolean, {
    description: "Whether the desk is open now by its hours in its own zone; false when its hours are unknown.",
  })
  openNow!: boolean;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      "When the desk is closed: the next time it opens (weekly hours and dated exceptions, up to 14 days ahead); null when it is open now, or its hours are unknown or show no opening in that time.",
  })
  opensAt!: Date | null;
}
