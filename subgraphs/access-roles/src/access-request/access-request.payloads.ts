import { Field, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { AccessRequest } from "./access-request.entity.js";

/** The outcome of requestAccess. */
@ObjectType({ description: "The outcome of requestAccess." })
export class RequestAccessPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The new pending request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The outcome of cancelAccessRequest. */
@ObjectType({ description: "The outcome of cancelAccessRequest." })
export class CancelAccessRequestPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The cancelled request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The outcome of decideAccessRequest. */
@ObjectType({ description: "The outcome of decideAccessRequest." })
export class DecideAccessRequestPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The decided request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => RoleGrant, { nullable: true, description: "The grant an approval made; null otherwise." })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}
