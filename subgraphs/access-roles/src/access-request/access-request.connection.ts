import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@portal-graph/subgraph-kit";
import { AccessRequest } from "./access-request.entity.js";

/** An access request with its cursor. */
@ObjectType()
export class AccessRequestEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => AccessRequest)
  node!: AccessRequest;
}

/** A page of access requests (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of access requests." })
export class AccessRequestConnection {
  @Field(() => [AccessRequestEdge])
  edges!: AccessRequestEdge[];

  @Field(() => [AccessRequest])
  nodes!: AccessRequest[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counts the matches across all pages; set by the query that made the page. */
  countTotal!: () => Promise<number>;

  // A getter, so the count runs only when the field is selected.
  @Field(() => Int, { description: "How many requests match, across all pages." })
  get totalCount(): Promise<number> {
    return this.countTotal();
  }
}
