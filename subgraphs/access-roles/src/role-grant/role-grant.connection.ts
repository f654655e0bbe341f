import { ObjectType } from "type-graphql";
import { connectionOf } from "@portal-graph/subgraph-kit";
import { RoleGrant } from "./role-grant.entity.js";

/** A page of grants (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of role grants." })
export class RoleGrantConnection extends connectionOf(RoleGrant, {
  edge: "RoleGrantEdge",
  totalCount: "How many grants match, across all pages.",
}) {}
