import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from "type-graphql";
import { ApplicationPolicies } from "../application/application.stub.js";
import { now, today } from "../clock.js";
import type { AcknowledgementsContext } from "../context.js";
import { Policy } from "./policy.entity.js";
import { PolicyVersion } from "./policy-version.entity.js";
import { OmbNotice, PolicyRenewal, PolicyScope } from "./policy.types.js";
import { limitCacheAge, secondsToNextUtcDay } from "@portal-graph/subgraph-kit";

/** The public policy queries and the fields of Policy; everything is read from the per-request catalog. */
@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => [Policy], { nullable: true, description: "Every policy, in the order a user meets them. Public." })
  async policies(@Ctx() ctx: AcknowledgementsContext): Promise<Policy[]> {
    return (await ctx.loaders.catalog()).policies;
  }

  @Query(() => Policy, { nullable: true, description: "One policy by id; null when unknown. Public." })
  async policy(
    @Arg("id", () => ID, { description: "The policy's id." }) id: string,
    @Ctx() ctx: AcknowledgementsContext,
  ): Promise<Policy | null> {
    return (await ctx.loaders.catalog()).policyById.get(id) ?? null;
  }

  @FieldResolver(() => PolicyVersion, {
    nullable: true,
    description: "The newest version in effect today: the one to acknowledge. Null before the first takes effect.",
  })
  async currentVersion(
    @Root() policy: Policy,
    @Ctx() ctx: AcknowledgementsContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PolicyVersion | null> {
    // The version in effect changes at midnight UTC, without a write.
    limitCacheAge(info, secondsToNextUtcDay(now()));
    return (await ctx.loaders.catalog()).currentVersionOf(policy.id, today());
  }

  @FieldResolver(() => [PolicyVersion], { description: "Every version, newest first (including future ones)." })
  async versions(@Root() policy: Policy, @Ctx() ctx: AcknowledgementsContext): Promise<PolicyVersion[]> {
    return (await ctx.loaders.catalog()).versionsOf(policy.id);
  }

  @FieldResolver(() => PolicyRenewal, { description: "When the policy must be acknowledged again." })
  renewal(@Root() policy: Policy): PolicyRenewal {
    return { kind: policy.renewalKind, days: policy.renewalDays };
  }

  @FieldResolver(() => ApplicationPolicies, {
    nullable: true,
    description: "For APPLICATION_USERS policies: the application whose users must acknowledge it.",
  })
  application(@Root() policy: Policy): ApplicationPolicies | null {
    return policy.scope === PolicyScope.APPLICATION_USERS && policy.applicationId ? { id: policy.applicationId } : null;
  }
}

/** The fields of PolicyVersion that are not columns. */
@Resolver(() => PolicyVersion)
export class PolicyVersionResolver {
  @FieldResolver(() => Policy, { description: "The policy this is a version of." })
  async policy(@Root() version: PolicyVersion, @Ctx() ctx: AcknowledgementsContext): Promise<Policy> {
    return (await ctx.loaders.catalog()).policyById.get(version.policyId)!;
  }

  @FieldResolver(() => PolicyVersion, { nullable: true, description: "The version this one replaced." })
  async supersedes(@Root() version: PolicyVersion, @Ctx() ctx: AcknowledgementsContext): Promise<PolicyVersion | null> {
    if (version.supersedesId === null) return null;
    return (await ctx.loaders.catalog()).versionById.get(version.supersedesId) ?? null;
  }

  @FieldResolver(() => OmbNotice, {
    nullable: true,
    description: "For Paperwork Reduction Act notices: the OMB control number, its expiry and the burden estimate.",
  })
  omb(@Root() version: PolicyVersion, @Info() info: GraphQLResolveInfo): OmbNotice | null {
    if (version.ombControlNumber === null || version.ombExpiresOn === null) return null;
    // `expired` turns at midnight UTC, without a write.
    limitCacheAge(info, secondsToNextUtcDay(now()));
    return {
      controlNumber: version.ombControlNumber,
      expiresOn: version.ombExpiresOn,
      // The approval holds through its expiry day and lapses the day after.
      expired: today() > version.ombExpiresOn,
      burdenMinutes: version.ombBurdenMinutes ?? 0,
    };
  }
}
