import { Field, ID, InputType } from "type-graphql";

/** revokeRoleGrant's input. */
@InputType({ description: "Which grant to revoke, and why." })
export class RevokeRoleGrantInput {
  @Field(() => ID, { description: "The grant to revoke." })
  grantId!: string;

  @Field(() => String, { description: "Why the grant is revoked: 1 to 1000 characters." })
  reason!: string;
}

/** certifyRoleGrant's input. */
@InputType({ description: "Which grant to certify as still needed." })
export class CertifyRoleGrantInput {
  @Field(() => ID, { description: "The grant to certify as still needed." })
  grantId!: string;
}
