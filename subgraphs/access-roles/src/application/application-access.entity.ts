import { Directive, Field, ID, ObjectType } from "type-graphql";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { PolicyKind } from "../shared/policy-kind.js";

/**
 * The catalog's Application as this subgraph sees it: only its key. The class has its own name because type-graphql
 * metadata is global to the process and the catalog's class is called Application; the GraphQL name is the same.
 */
// No description: the catalog owns the type and its description (a second one is a composition hint).
@ObjectType("Application")
@Directive('@key(fields: "id")')
export class ApplicationAccess {
  @Field(() => ID)
  id!: string;

  /**
   * Owned by the acknowledgements subgraph (@inaccessible there): declared here only so viewerAccessBlockers can
   * @requires it. Null when acknowledgements could not answer; undefined when no gateway sent it.
   */
  @Field(() => [PolicyKind], { nullable: true })
  @Directive("@external")
  viewerMissingPrivilegedAcknowledgements?: PolicyKind[] | null;
}

/** The signed-in viewer's standing in one application. */
@ObjectType({ description: "The signed-in viewer's access to one application." })
export class ViewerAccess {
  /** The application, so the field resolvers below know which one. */
  applicationId!: string;

  @Field(() => [RoleGrant], { description: "The viewer's grants in this application that have not ended." })
  grants!: RoleGrant[];

  @Field(() => [AccessRequest], { description: "The viewer's requests for this application awaiting a decision." })
  pendingRequests!: AccessRequest[];

  @Field(() => Boolean, {
    description:
      "Whether some requestable role of the application is one the viewer neither holds nor has asked for, and no role they hold conflicts with it.",
  })
  canRequest!: boolean;
}
