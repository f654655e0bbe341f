import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@portal-graph/subgraph-kit";
import { Application } from "./application.entity.js";

/** An application with its cursor. */
@ObjectType()
export class ApplicationEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Application)
  node!: Application;
}

/** A page of applications (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of applications." })
export class ApplicationConnection {
  @Field(() => [ApplicationEdge])
  edges!: ApplicationEdge[];

  @Field(() => [Application])
  nodes!: Application[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "How many applications match, across all pages." })
  totalCount!: number;

  /** Counts the matches; the totalCount resolver calls it only when the field is selected. */
  countTotal!: () => Promise<number>;
}
