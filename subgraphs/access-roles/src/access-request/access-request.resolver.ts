import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { PageArgs } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { Role } from "../role/role.entity.js";
import { User } from "../user/user.entity.js";
import { userOrStub } from "../user/user.stub.js";
import { approvalQueue } from "./approval-queue.js";
import { AccessRequestConnection } from "./access-request.connection.js";
import { AccessDecision, AccessRequest } from "./access-request.entity.js";
import { requestStatus } from "./access-request.status.js";
import { AccessBlocker, AccessRequestStatus } from "./access-request.types.js";
import { blockersOf } from "./blockers.js";

/** The approval queue, and the fields of AccessRequest that need a loader or a computation. */
@Resolver(() => AccessRequest)
export class AccessRequestResolver {
  @Query(() => AccessRequestConnection, {
    nullable: true,
    description:
      "Pending requests the viewer may decide, oldest first: for the applications whose approver role they hold (all, for a portal admin), never their own.",
  })
  approvalQueue(
    @Ctx() ctx: AccessRolesContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<AccessRequestConnection> {
    return approvalQueue(ctx, first, after);
  }

  @FieldResolver(() => User, { description: "The user who asked." })
  requester(@Root() request: AccessRequest, @Ctx() ctx: AccessRolesContext): Promise<User> {
    return userOrStub(ctx, request.requesterId);
  }

  @FieldResolver(() => Role, { description: "The role asked for." })
  async role(@Root() request: AccessRequest, @Ctx() ctx: AccessRolesContext): Promise<Role> {
    const role = await ctx.loaders.roleById.load(request.roleId);
    // The foreign key makes a missing role impossible; say so plainly if it ever happens.
    if (!role) throw new Error(`role ${request.roleId} of access request ${request.id} does not exist`);
    return role;
  }

  @FieldResolver(() => AccessRequestStatus, {
    description: "PENDING until decided or cancelled; EXPIRED once past expiresAt undecided.",
  })
  status(@Root() request: AccessRequest): AccessRequestStatus {
    return requestStatus(request, new Date());
  }

  @FieldResolver(() => [AccessDecision], { description: "The decisions taken, oldest first (at most one today)." })
  decisions(@Root() request: AccessRequest, @Ctx() ctx: AccessRolesContext): Promise<AccessDecision[]> {
    return ctx.loaders.decisionsByRequestId.load(request.id);
  }

  @FieldResolver(() => [AccessBlocker], {
    nullable: true,
    description:
      "What stands between this pending request and working access now: a role the requester holds that conflicts, the role held already, and for a privileged role each acknowledgement the requester lacks. Empty once decided; null, with the acknowledgements subgraph's error, when that subgraph cannot answer.",
  })
  @Directive('@requires(fields: "requester { missingPrivilegedAcknowledgements }")')
  blockers(@Root() request: AccessRequest, @Ctx() ctx: AccessRolesContext): Promise<AccessBlocker[]> {
    return blockersOf(ctx, request, request.requesterMissingAcknowledgements);
  }
}

/** Who took a decision. */
@Resolver(() => AccessDecision)
export class AccessDecisionResolver {
  @FieldResolver(() => User, { description: "The approver who decided." })
  approver(@Root() decision: AccessDecision, @Ctx() ctx: AccessRolesContext): Promise<User> {
    return userOrStub(ctx, decision.approverId);
  }
}
