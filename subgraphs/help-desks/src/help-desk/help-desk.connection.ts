import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@portal-graph/subgraph-kit";
import { HelpDesk } from "./help-desk.entity.js";

/** A help desk with its cursor. */
@ObjectType()
export class HelpDeskEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => HelpDesk)
  node!: HelpDesk;
}

/** A page of help desks (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of help desks." })
export class HelpDeskConnection {
  @Field(() => [HelpDeskEdge])
  edges!: HelpDeskEdge[];

  @Field(() => [HelpDesk])
  nodes!: HelpDesk[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many help desks match, across all pages." })
  totalCount!: number;

  /** Counts the matches; the totalCount resolver calls it only when the field is selected. */
  countTotal!: () => Promise<number>;
}
