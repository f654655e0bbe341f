import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "@portal-graph/subgraph-kit";
import { RoleGrant } from "./role-grant.entity.js";

/** A grant with its cursor. */
@ObjectType()
export class RoleGrantEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => RoleGrant)
  node!: RoleGrant;
}

/** A page of grants (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of role grants." })
export class RoleGrantConnection {
  @Field(() => [RoleGrantEdge])
  edges!: RoleGrantEdge[];

  @Field(() => [RoleGrant])
  nodes!: RoleGrant[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counts the matches across all pages; set by the query that made the page. */
  countTotal!: () => Promise<number>;

  // A getter, so the count runs only when the field is selected.
  @Field(() => Int, { description: "How many grants match, across all pages." })
  get totalCount(): Promise<number> {
    return this.countTotal();
  }
}
