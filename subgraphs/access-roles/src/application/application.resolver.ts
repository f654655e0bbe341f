import { Ctx, Directive, FieldResolver, Resolver, Root } from "type-graphql";
import { AccessRequest } from "../access-request/access-request.entity.js";
import { requestStatus } from "../access-request/access-request.status.js";
import { AccessRequestStatus } from "../access-request/access-request.types.js";
import { encodeReadinessParts } from "@portal-graph/subgraph-kit";
import type { AccessRolesContext } from "../context.js";
import { accessBlockers } from "../readiness/readiness.js";
import { RoleGrant } from "../role-grant/role-grant.entity.js";
import { isHeld } from "../role-grant/role-grant.status.js";
import { Role } from "../role/role.entity.js";
import { ApplicationAccess, ViewerAccess } from "./application-access.entity.js";

/** What this subgraph adds to the catalog's Application. */
@Resolver(() => ApplicationAccess)
export class ApplicationRolesResolver {
  @Directive("@listSize(assumedSize: 10)")
  @FieldResolver(() => [Role], {
    nullable: true,
    description:
      "The application's roles by name, its approver role included. Null with an error when access-roles cannot answer.",
  })
  roles(@Root() application: ApplicationAccess, @Ctx() ctx: AccessRolesContext): Promise<Role[]> {
    return ctx.loaders.rolesByApplicationId.load(application.id);
  }

  @FieldResolver(() => ViewerAccess, {
    nullable: true,
    description:
      "The signed-in viewer's grants, pending requests and whether they can ask for more; null when anonymous.",
  })
  viewerAccess(@Root() application: ApplicationAccess, @Ctx() ctx: AccessRolesContext): ViewerAccess | null {
    if (!ctx.viewer) return null;
    return Object.assign(new ViewerAccess(), { applicationId: application.id });
  }

  // Plumbing for Application.viewerReadiness (docs/adr/0004): @inaccessible, so clients never see it; the catalog
  // @requires it.
  @Directive("@inaccessible")
  @Directive('@requires(fields: "viewerMissingPrivilegedAcknowledgements")')
  @FieldResolver(() => [String], {
    nullable: true,
    description:
      "The viewer's access blockers for the application, one JSON object each (the subgraph kit's ReadinessPart); empty when anonymous.",
  })
  async viewerAccessBlockers(
    @Root() application: ApplicationAccess,
    @Ctx() ctx: AccessRolesContext,
  ): Promise<string[]> {
    if (!ctx.viewer) return [];
    const [roles, grants, pending] = await Promise.all([
      ctx.loaders.rolesByApplicationId.load(application.id),
      ctx.loaders.roleGrantsByUserId.load(ctx.viewer.id),
      pendingOf(ctx),
    ]);
    const facts = {
      roles,
      grants,
      pending,
      mfa: ctx.viewer.mfa.enrolled,
      missingPrivileged: application.viewerMissingPrivilegedAcknowledgements ?? null,
      now: new Date(),
    };
    return encodeReadinessParts(accessBlockers(application.id, facts));
  }
}

/**
 * The viewer's standing, field by field, so a page of applications costs one statement per loader used (the
 * viewer's grants, the viewer's requests, the applications' roles), however many applications it lists.
 */
@Resolver(() => ViewerAccess)
export class ViewerAccessResolver {
  @FieldResolver(() => [RoleGrant])
  async grants(@Root() access: ViewerAccess, @Ctx() ctx: AccessRolesContext): Promise<RoleGrant[]> {
    const now = new Date();
    const grants = await ctx.loaders.roleGrantsByUserId.load(ctx.viewer!.id);
    return grants.filter((grant) => grant.applicationId === access.applicationId && isHeld(grant, now));
  }

  @FieldResolver(() => [AccessRequest])
  async pendingRequests(@Root() access: ViewerAccess, @Ctx() ctx: AccessRolesContext): Promise<AccessRequest[]> {
    return (await pendingOf(ctx)).filter((request) => request.applicationId === access.applicationId);
  }

  @FieldResolver(() => Boolean)
  async canRequest(@Root() access: ViewerAccess, @Ctx() ctx: AccessRolesContext): Promise<boolean> {
    const now = new Date();
    const [grants, pending, roles] = await Promise.all([
      ctx.loaders.roleGrantsByUserId.load(ctx.viewer!.id),
      pendingOf(ctx),
      ctx.loaders.rolesByApplicationId.load(access.applicationId),
    ]);
    const held = new Set(grants.filter((grant) => isHeld(grant, now)).map((grant) => grant.roleId));
    const asked = new Set(pending.map((request) => request.roleId));
    return roles.some(
      (role) =>
        role.requestable &&
        !held.has(role.id) &&
        !asked.has(role.id) &&
        !role.conflictsWithIds.some((conflicting) => held.has(conflicting)),
    );
  }
}

async function pendingOf(ctx: AccessRolesContext): Promise<AccessRequest[]> {
  const now = new Date();
  const requests = await ctx.loaders.accessRequestsByUserId.load(ctx.viewer!.id);
  return requests.filter((request) => requestStatus(request, now) === AccessRequestStatus.PENDING);
}
