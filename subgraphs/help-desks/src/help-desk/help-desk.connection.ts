import { Directive, ObjectType } from "type-graphql";
import { CACHE_PUBLIC, connectionOf } from "@portal-graph/subgraph-kit";
import { HelpDesk } from "./help-desk.entity.js";

/** A page of help desks (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of help desks." })
@Directive(CACHE_PUBLIC)
export class HelpDeskConnection extends connectionOf(HelpDesk, {
  edge: "HelpDeskEdge",
  totalCount: "How many help desks match, across all pages.",
}) {}
