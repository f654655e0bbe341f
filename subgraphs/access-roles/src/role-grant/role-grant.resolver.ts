import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { PageArgs } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { Role } from "../role/role.entity.js";
import { PolicyKind } from "../shared/policy-kind.js";
import { User } from "../user/user.entity.js";
import { userOrStub } from "../user/user.stub.js";
import { certificationQueue } from "./certification-queue.js";
import { RoleGrantConnection } from "./role-grant.connection.js";
import { RoleGrant, RoleGrantStatus } from "./role-grant.entity.js";
import { grantMissing, grantStatus } from "./role-grant.status.js";

const REQUIRES_HOLDER_ACKNOWLEDGEMENTS = '@requires(fields: "user { missingPrivilegedAcknowledgements }")';

/** The certification queue, and the fields of RoleGrant that need a loader or a computation. */
@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @Query(() => RoleGrantConnection, {
    nullable: true,
    description:
      "Held grants the viewer may certify, soonest due first: in the applications whose approver role they hold (all, for a portal admin), never their own.",
  })
  certificationQueue(
    @Ctx() ctx: AccessRolesContext,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<RoleGrantConnection> {
    return certificationQueue(ctx, first, after);
  }

  @FieldResolver(() => User, { description: "The holder." })
  user(@Root() grant: RoleGrant, @Ctx() ctx: AccessRolesContext): Promise<User> {
    return userOrStub(ctx, grant.userId);
  }

  @FieldResolver(() => Role, { description: "The role granted." })
  role(@Root() grant: RoleGrant, @Ctx() ctx: AccessRolesContext): Promise<Role> {
    return roleOf(ctx, grant);
  }

  @FieldResolver(() => RoleGrantStatus, {
    nullable: true,
    description:
      "Computed when read: REVOKED, EXPIRED or REMOVED_UNCERTIFIED by the grant's dates and history; otherwise ACTIVE, or AWAITING_PREREQUISITES for a privileged role whose holder lacks a current Rules of Behavior or privileged-user addendum acknowledgement. Null, with the acknowledgements subgraph's error, when that subgraph cannot answer.",
  })
  @Directive(REQUIRES_HOLDER_ACKNOWLEDGEMENTS)
  async status(@Root() grant: RoleGrant, @Ctx() ctx: AccessRolesContext): Promise<RoleGrantStatus> {
    return grantStatus(grant, await roleOf(ctx, grant), new Date(), grant.holderMissingAcknowledgements);
  }

  @FieldResolver(() => [PolicyKind], {
    nullable: true,
    description:
      "What a held privileged grant waits for: the acknowledgements its holder lacks. Empty when the grant is ACTIVE, ended, or for an ordinary role; null, with the acknowledgements subgraph's error, when that subgraph cannot answer.",
  })
  @Directive(REQUIRES_HOLDER_ACKNOWLEDGEMENTS)
  async missingPrerequisites(@Root() grant: RoleGrant, @Ctx() ctx: AccessRolesContext): Promise<PolicyKind[]> {
    return grantMissing(grant, await roleOf(ctx, grant), new Date(), grant.holderMissingAcknowledgements);
  }
}

async function roleOf(ctx: AccessRolesContext, grant: RoleGrant): Promise<Role> {
  const role = await ctx.loaders.roleById.load(grant.roleId);
  // The foreign key makes a missing role impossible; say so plainly if it ever happens.
  if (!role) throw new Error(`role ${grant.roleId} of grant ${grant.id} does not exist`);
  return role;
}
