import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { today } from "../clock.js";
import { requiredPolicies } from "../compliance/compliance.service.js";
import type { AcknowledgementsContext } from "../context.js";
import { Policy } from "../policy/policy.entity.js";
import { ApplicationPolicies } from "./application.stub.js";

/** What this subgraph adds to the catalog's Application. */
@Resolver(() => ApplicationPolicies)
export class ApplicationPoliciesResolver {
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [Policy], {
    nullable: true,
    description:
      "The policies every user of the application must acknowledge before using it: everyone's (banner, rules of " +
      "behavior) and the application's own rules. Privileged-user policies depend on the role, so they are not listed. " +
      "Null with an error when the acknowledgements subgraph cannot answer.",
  })
  async requiredPolicies(
    @Root() application: ApplicationPolicies,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<Policy[]> {
    const catalog = await ctx.loaders.catalog();
    return requiredPolicies(catalog, { applicationId: application.id, privileged: false }, today());
  }
}
