import { ObjectType } from "type-graphql";
import { connectionOf } from "@portal-graph/subgraph-kit";
import { AccessRequest } from "./access-request.entity.js";

/** A page of access requests (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of access requests." })
export class AccessRequestConnection extends connectionOf(AccessRequest, {
  edge: "AccessRequestEdge",
  totalCount: "How many requests match, across all pages.",
}) {}
