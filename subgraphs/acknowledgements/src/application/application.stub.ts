import { Directive, Field, ID, ObjectType } from "type-graphql";
import { CACHE_PUBLIC } from "@portal-graph/subgraph-kit";

/**
 * The catalog's Application as this subgraph sees it: only its key (own class name, same GraphQL name; no
 * description, since the catalog owns the type and a second one is a composition hint).
 */
@ObjectType("Application")
@Directive('@key(fields: "id")')
@Directive(CACHE_PUBLIC)
export class ApplicationPolicies {
  @Field(() => ID)
  id!: string;
}
