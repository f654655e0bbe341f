import { Field, ObjectType } from "type-graphql";
import { UserError } from "../user-errors.js";
import { RoleGrant } from "./role-grant.entity.js";

/** The outcome of revokeRoleGrant. */
@ObjectType({ description: "The outcome of revokeRoleGrant." })
export class RevokeRoleGrantPayload {
  @Field(() => RoleGrant, { nullable: true, description: "The revoked grant; null when refused." })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}

/** The outcome of certifyRoleGrant. */
@ObjectType({ description: "The outcome of certifyRoleGrant." })
export class CertifyRoleGrantPayload {
  @Field(() => RoleGrant, {
    nullable: true,
    description: "The certified grant, due again in a year; null when refused.",
  })
  roleGrant!: RoleGrant | null;

  @Field(() => [UserError], { description: "Why nothing was done; empty when the mutation succeeded." })
  userErrors!: UserError[];
}
