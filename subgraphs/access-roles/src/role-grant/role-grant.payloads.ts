import { Field, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { RoleGrant } from "./role-grant.entity.js";

/** The outcome of revokeRoleGrant. */
@ObjectType()
export class RevokeRoleGrantPayload {
  @Field(() => RoleGrant, { nullable: true, description: "The revoked grant; null when refused." })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** The outcome of certifyRoleGrant. */
@ObjectType()
export class CertifyRoleGrantPayload {
  @Field(() => RoleGrant, {
    nullable: true,
    description: "The certified grant, due again in a year; null when refused.",
  })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}
