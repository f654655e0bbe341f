import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ForbiddenError, isSelf, requireViewer } from "@portal-graph/subgraph-kit";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { requestStatus } from "../access-request/access-request.status.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import type { AccessRolesContext } from "../context.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { approvedApplications, seesEverything, visible } from "../shared/permissions.js";
import { User } from "./user.entity.js";

/**
 * A user's grants and requests. The user, auditors and portal admins read all of them; an approver reads those in
 * the applications they approve; anyone else is refused.
 */
@Resolver(() => User)
export class UserAccessResolver {
  @FieldResolver(() => [RoleGrant], {
    description: "The user's role grants, newest first, ended ones included (see RoleGrant.status).",
  })
  async roleGrants(@Root() user: User, @Ctx() ctx: AccessRolesContext): Promise<RoleGrant[]> {
    await assertMayRead(ctx, user.id);
    return visible(ctx, user.id, await ctx.loaders.roleGrantsByUserId.load(user.id));
  }

  @FieldResolver(() => [AccessRequest], { description: "The user's access requests, newest first." })
  async accessRequests(
    @Root() user: User,
    @Ctx() ctx: AccessRolesContext,
    @Arg("status", () => AccessRequestStatus, { nullable: true, description: "Only requests with this status." })
    status?: AccessRequestStatus | null,
  ): Promise<AccessRequest[]> {
    await assertMayRead(ctx, user.id);
    const requests = await visible(ctx, user.id, await ctx.loaders.accessRequestsByUserId.load(user.id));
    const now = new Date();
    return status ? requests.filter((request) => requestStatus(request, now) === status) : requests;
  }
}

async function assertMayRead(ctx: AccessRolesContext, userId: string): Promise<void> {
  const viewer = requireViewer(ctx);
  if (isSelf(viewer, userId) || seesEverything(viewer)) return;
  if ((await approvedApplications(ctx)).size > 0) return;
  throw new ForbiddenError("You may read only your own access requests and role grants");
}
