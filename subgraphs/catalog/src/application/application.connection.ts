import { Directive, ObjectType } from "type-graphql";
import { CACHE_PUBLIC, connectionOf } from "@portal-graph/subgraph-kit";
import { Application } from "./application.entity.js";

/** A page of applications (Relay connection); totalCount is counted only when asked for. */
@ObjectType({ description: "A page of applications." })
@Directive(CACHE_PUBLIC)
export class ApplicationConnection extends connectionOf(Application, {
  edge: "ApplicationEdge",
  totalCount: "How many applications match, across all pages.",
}) {}
