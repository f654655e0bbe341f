import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ApplicationPolicies } from "../application/application.stub.js";
import type { AcknowledgementsContext } from "../context.js";
import { Policy } from "../policy/policy.entity.js";
import { PolicyVersion } from "../policy/policy-version.entity.js";
import { UserAcknowledgements } from "../user/user.stub.js";
import { Acknowledgement } from "./acknowledgement.entity.js";

/** The ends of an acknowledgement: its user and application as key stubs, its version and policy from the catalog. */
@Resolver(() => Acknowledgement)
export class AcknowledgementResolver {
  @FieldResolver(() => UserAcknowledgements, {
    nullable: true,
    description: "Who acknowledged; null with an error when access-roles cannot answer for the fields asked.",
  })
  user(@Root() acknowledgement: Acknowledgement): UserAcknowledgements {
    return { id: acknowledgement.userId };
  }

  @FieldResolver(() => PolicyVersion, { description: "The exact version acknowledged." })
  async policyVersion(
    @Root() acknowledgement: Acknowledgement,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<PolicyVersion> {
    return (await ctx.loaders.catalog()).versionById.get(acknowledgement.policyVersionId)!;
  }

  @FieldResolver(() => Policy, { description: "The policy acknowledged." })
  async policy(@Root() acknowledgement: Acknowledgement, @Ctx() ctx: AcknowledgementsContext): Promise<Policy> {
    return (await ctx.loaders.catalog()).policyById.get(acknowledgement.policyId)!;
  }

  @FieldResolver(() => ApplicationPolicies, {
    nullable: true,
    description: "The application the acknowledgement was given for, if any.",
  })
  application(@Root() acknowledgement: Acknowledgement): ApplicationPolicies | null {
    return acknowledgement.applicationId === null ? null : { id: acknowledgement.applicationId };
  }
}
