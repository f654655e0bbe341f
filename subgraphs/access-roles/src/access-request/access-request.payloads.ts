import { Field, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { AccessRequest } from "./access-request.entity.js";

/** The outcome of requestAccess. */
@ObjectType()
export class RequestAccessPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The new pending request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** The outcome of cancelAccessRequest. */
@ObjectType()
export class CancelAccessRequestPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The cancelled request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** The outcome of decideAccessRequest. */
@ObjectType()
export class DecideAccessRequestPayload {
  @Field(() => AccessRequest, { nullable: true, description: "The decided request; null when refused." })
  accessRequest!: AccessRequest | null;

  @Field(() => RoleGrant, { nullable: true, description: "The grant an approval made; null otherwise." })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
