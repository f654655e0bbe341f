import { Field, ID, InputType } from "type-graphql";

/** revokeRoleGrant's input. */
@InputType()
export class RevokeRoleGrantInput {
  @Field(() => ID)
  grantId!: string;

  @Field(() => String, { description: "Why the grant is revoked: 1 to 1000 characters." })
  reason!: string;
}

/** certifyRoleGrant's input. */
@InputType()
export class CertifyRoleGrantInput {
  @Field(() => ID)
  grantId!: string;
}
