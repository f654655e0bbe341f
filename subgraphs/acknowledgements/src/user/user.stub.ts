import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The access-roles subgraph's User as this subgraph sees it: only its key. The class has its own name because
 * type-graphql metadata is global to the process; the GraphQL name is the same. No description: the owner gives it.
 */
@ObjectType("User")
@Directive('@key(fields: "id")')
export class UserAcknowledgements {
  @Field(() => ID)
  id!: string;
}
