import type { GraphQLResolveInfo } from "graphql";
import { Ctx, Directive, FieldResolver, Info, Resolver, Root } from "type-graphql";
import { CACHE_PRIVATE, encodeReadinessParts, limitCacheAge, secondsToNextUtcDay } from "@portal-graph/subgraph-kit";
import { now, today } from "../clock.js";
import { missingPrivileged, requiredPolicies } from "../compliance/compliance.service.js";
import type { AcknowledgementsContext } from "../context.js";
import { Policy } from "../policy/policy.entity.js";
import { PolicyKind } from "../policy/policy.types.js";
import { acknowledgementBlockers } from "../readiness/readiness.js";
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
    @Info() info: GraphQLResolveInfo,
  ): Promise<Policy[]> {
    const catalog = await ctx.loaders.catalog();
    // Which versions are in effect changes at midnight UTC, without a write.
    limitCacheAge(info, secondsToNextUtcDay(now()));
    return requiredPolicies(catalog, { applicationId: application.id, privileged: false }, today());
  }

  // The two fields below are plumbing for Application.viewerReadiness (docs/adr/0004): @inaccessible, so clients
  // never see them; the catalog and access-roles @requires them.

  @Directive("@inaccessible")
  @Directive(CACHE_PRIVATE)
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      "The viewer's acknowledgement blockers for the application, one JSON object each (the subgraph kit's ReadinessPart); empty when anonymous.",
  })
  async viewerAcknowledgementBlockers(
    @Root() application: ApplicationPolicies,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<string[]> {
    if (!ctx.viewer) return [];
    const [catalog, latest] = await Promise.all([ctx.loaders.catalog(), ctx.loaders.latestByUser.load(ctx.viewer.id)]);
    return encodeReadinessParts(acknowledgementBlockers(catalog, latest, application.id, ctx.viewer.authTime, now()));
  }

  @Directive("@inaccessible")
  @Directive(CACHE_PRIVATE)
  @FieldResolver(() => [PolicyKind], {
    nullable: true,
    description:
      "As User.missingPrivilegedAcknowledgements, for the viewer; empty when anonymous. Access-roles @requires it to tell a privileged grant's readiness.",
  })
  async viewerMissingPrivilegedAcknowledgements(@Ctx() ctx: AcknowledgementsContext): Promise<PolicyKind[]> {
    if (!ctx.viewer) return [];
    const [catalog, latest] = await Promise.all([ctx.loaders.catalog(), ctx.loaders.latestByUser.load(ctx.viewer.id)]);
    return missingPrivileged(catalog, latest, now());
  }
}
