import { Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { hasRole, isSelf, ForbiddenError, requireViewer } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { MfaStatus, User } from "./user.entity.js";
import { recordUser, userOf } from "./user.service.js";
import { runWrite } from "../shared/write.js";

/**
 * `me`, and the fields of User not everyone may read: a user's name and portal roles need a signed-in viewer (through
 * the gateway they appear only beside signed-in data: `me`, a request's requester, a grant's holder), so an anonymous
 * `_entities` call learns neither; email and MFA only the user and auditors.
 */
@Resolver(() => User)
export class UserResolver {
  @Query(() => User, {
    nullable: true,
    description: "The signed-in user, as their token describes them; null when anonymous. Reading it writes nothing.",
  })
  me(@Ctx() ctx: AccessRolesContext): User | null {
    return ctx.viewer ? userOf(ctx.viewer) : null;
  }

  @Mutation(() => User, {
    description:
      "Records the signed-in user from their token, so others can resolve them by id (an approver sees who asked, an auditor a grant's holder). A portal calls it once per sign-in; it writes only when the stored profile is missing, changed or an hour old. Anonymous callers get UNAUTHENTICATED.",
  })
  async recordSignIn(@Ctx() ctx: AccessRolesContext): Promise<User> {
    const viewer = requireViewer(ctx);
    const stored = await ctx.loaders.userById.load(viewer.id);
    const { value: user } = await runWrite(ctx, (manager) => recordUser(manager, viewer, stored));
    return user!;
  }

  @FieldResolver(() => String, { nullable: true })
  displayName(@Root() user: User, @Ctx() ctx: AccessRolesContext): string | null {
    requireViewer(ctx);
    return user.displayName;
  }

  @FieldResolver(() => [String], { description: "PORTAL_ADMIN, HELPDESK_ADMIN, POLICY_ADMIN, AUDITOR." })
  portalRoles(@Root() user: User, @Ctx() ctx: AccessRolesContext): string[] {
    requireViewer(ctx);
    return user.portalRoles;
  }

  @FieldResolver(() => String, { nullable: true, description: "Readable by the user and by auditors." })
  email(@Root() user: User, @Ctx() ctx: AccessRolesContext): string | null {
    assertMayReadPrivate(user, ctx);
    return user.email;
  }

  @FieldResolver(() => MfaStatus, { nullable: true, description: "Readable by the user and by auditors." })
  mfa(@Root() user: User, @Ctx() ctx: AccessRolesContext): MfaStatus {
    assertMayReadPrivate(user, ctx);
    if (isSelf(ctx.viewer, user.id)) return ctx.viewer!.mfa;
    return { enrolled: user.mfaEnrolled, factors: user.mfaFactors };
  }
}

function assertMayReadPrivate(user: User, ctx: AccessRolesContext): void {
  const viewer = requireViewer(ctx);
  if (!isSelf(viewer, user.id) && !hasRole(viewer, "AUDITOR")) {
    throw new ForbiddenError("Only the user and auditors may read this field");
  }
}
